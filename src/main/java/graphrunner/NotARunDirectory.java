package graphrunner;

/** A folder named as a run that has no summary.json. */
public final class NotARunDirectory extends GraphRunnerException {
  public NotARunDirectory(String message) {
    super(message);
  }

  public NotARunDirectory(String message, Throwable cause) {
    super(message, cause);
  }
}
