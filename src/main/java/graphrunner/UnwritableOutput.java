package graphrunner;

/**
 * A folder or file graph-runner must write cannot be created or written (log dir, export dir,
 * report, checkpoints, download cache).
 */
public final class UnwritableOutput extends GraphRunnerException {
  public UnwritableOutput(String message) {
    super(message);
  }

  public UnwritableOutput(String message, Throwable cause) {
    super(message, cause);
  }
}
