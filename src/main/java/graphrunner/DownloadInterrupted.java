package graphrunner;

/** The thread downloading a data set was interrupted. */
public final class DownloadInterrupted extends GraphRunnerException {
  public DownloadInterrupted(String message) {
    super(message);
  }

  public DownloadInterrupted(String message, Throwable cause) {
    super(message, cause);
  }
}
