package graphrunner;

/** What a parser said went wrong, fit for a one-line error. */
public final class ParseErrors {
  private ParseErrors() {}

  /**
   * The parser's own words without the Java class names it wraps them in: Gson's
   * {@code java.io.EOFException: End of input at line 11 column 5 path $.x} becomes
   * {@code End of input at line 11 column 5 path $.x}; only the first line is kept.
   */
  public static String reason(Throwable e) {
    Throwable root = e.getCause() != null ? e.getCause() : e;
    String message = root.getMessage() == null ? "" : root.getMessage();
    return message.replaceAll("^([\\w.$]+(Exception|Error): )+", "").lines().findFirst()
        .orElse("");
  }
}
