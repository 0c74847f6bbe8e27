package graphrunner.fs;

/**
 * The operating system's reason in a failed native write's message: TensorFlow reports a full disk
 * as {@code <file>.tempstate123; No space left on device\n\t [[{{node save/Save}}]]\nHint: ...},
 * a resource-exhausted error whose node and hint mean nothing to a user who ran out of space. On a
 * cluster's task a line {@code From /job:worker/replica:0/task:0:} comes first.
 */
public final class NativeWriteError {
  private NativeWriteError() {}

  /** The part of {@code message} after its file name: "No space left on device". */
  public static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "the write failed";
    }
    // a task of a cluster prefixes the line with where it ran: "From /job:worker/...:\n"
    String first = message.strip().lines().filter(l -> !l.matches("From /job:\\S*:"))
        .findFirst().orElse("");
    int node = first.indexOf(" [[");
    if (node >= 0) {
      first = first.substring(0, node);
    }
    int afterFile = first.lastIndexOf("; ");
    return (afterFile >= 0 ? first.substring(afterFile + 2) : first).strip();
  }
}
