package graphrunner.fs;

/**
 * The operating system's reason in a failed native write's message: TensorFlow reports a full disk
 * as {@code <file>.tempstate123; No space left on device\n\t [[{{node save/Save}}]]\nHint: ...},
 * a resource-exhausted error whose node and hint mean nothing to a user who ran out of space.
 */
public final class NativeWriteError {
  private NativeWriteError() {}

  /** The part of {@code message} after its file name: "No space left on device". */
  public static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "the write failed";
    }
    String first = message.strip().lines().findFirst().orElse("");
    int node = first.indexOf(" [[");
    if (node >= 0) {
      first = first.substring(0, node);
    }
    int afterFile = first.lastIndexOf("; ");
    return (afterFile >= 0 ? first.substring(afterFile + 2) : first).strip();
  }
}
