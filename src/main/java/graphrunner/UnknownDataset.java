package graphrunner;

/** A data set id no data set has. */
public final class UnknownDataset extends GraphRunnerException {
  public UnknownDataset(String message) {
    super(message);
  }

  public UnknownDataset(String message, Throwable cause) {
    super(message, cause);
  }
}
