package graphrunner;

/** A task this one needs never came up in time, or the chief went away without ending the job. */
public final class ClusterUnreachable extends GraphRunnerException {
  public ClusterUnreachable(String message) {
    super(message);
  }

  public ClusterUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
