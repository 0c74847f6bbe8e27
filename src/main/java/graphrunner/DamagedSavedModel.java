package graphrunner;

/** A SavedModel with a piece missing, truncated or unparsable, or that TensorFlow cannot load. */
public final class DamagedSavedModel extends GraphRunnerException {
  public DamagedSavedModel(String message) {
    super(message);
  }

  public DamagedSavedModel(String message, Throwable cause) {
    super(message, cause);
  }
}
