package graphrunner;

/** An experiment id the catalogue does not know. */
public final class UnknownExperiment extends GraphRunnerException {
  public UnknownExperiment(String message) {
    super(message);
  }

  public UnknownExperiment(String message, Throwable cause) {
    super(message, cause);
  }
}
