package graphrunner;

/** A folder named as a SavedModel that holds none (nor numbered versions of one). */
public final class NotASavedModel extends GraphRunnerException {
  public NotASavedModel(String message) {
    super(message);
  }

  public NotASavedModel(String message, Throwable cause) {
    super(message, cause);
  }
}
