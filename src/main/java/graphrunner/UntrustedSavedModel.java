package graphrunner;

/** A SavedModel whose serving path reads or writes files, runs code or uses the network. */
public final class UntrustedSavedModel extends GraphRunnerException {
  public UntrustedSavedModel(String message) {
    super(message);
  }

  public UntrustedSavedModel(String message, Throwable cause) {
    super(message, cause);
  }
}
