package graphrunner;

/**
 * Files or folders that exist but cannot be read (a run's folder, its event files or
 * checkpoints, a SavedModel's folder).
 */
public final class UnreadableFiles extends GraphRunnerException {
  public UnreadableFiles(String message) {
    super(message);
  }

  public UnreadableFiles(String message, Throwable cause) {
    super(message, cause);
  }
}
