package graphrunner;

/** Training stopped because the loss became NaN or infinite. */
public final class TrainingDiverged extends GraphRunnerException {
  public TrainingDiverged(String message) {
    super(message);
  }

  public TrainingDiverged(String message, Throwable cause) {
    super(message, cause);
  }
}
