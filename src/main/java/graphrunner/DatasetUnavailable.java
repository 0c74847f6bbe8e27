package graphrunner;

/** A data set's files are not where they were looked for, and could not be downloaded. */
public final class DatasetUnavailable extends GraphRunnerException {
  public DatasetUnavailable(String message) {
    super(message);
  }

  public DatasetUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
