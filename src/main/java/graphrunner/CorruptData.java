package graphrunner;

/**
 * Input data that cannot be used: a malformed or truncated IDX file, splits that disagree,
 * labels out of range, an image that is not a PNG or JPEG.
 */
public final class CorruptData extends GraphRunnerException {
  public CorruptData(String message) {
    super(message);
  }

  public CorruptData(String message, Throwable cause) {
    super(message, cause);
  }
}
