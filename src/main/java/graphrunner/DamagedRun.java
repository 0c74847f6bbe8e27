package graphrunner;

/**
 * A run's own records are unusable: summary.json, a checkpoint, the confusion matrix or the
 * sweep table is missing a piece, corrupt, or from a newer graph-runner.
 */
public final class DamagedRun extends GraphRunnerException {
  public DamagedRun(String message) {
    super(message);
  }

  public DamagedRun(String message, Throwable cause) {
    super(message, cause);
  }
}
