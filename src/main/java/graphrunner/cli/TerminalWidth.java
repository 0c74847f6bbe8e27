package graphrunner.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** How many columns the user's terminal has: {@code $COLUMNS}, else {@code stty size}, else 80. */
final class TerminalWidth {
  private static final int FALLBACK = 80;

  private TerminalWidth() {}

  static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").trim());
    } catch (NumberFormatException notSet) {
      return fromStty();
    }
  }

  /** Java cannot ask the terminal itself; {@code stty} can, reading the controlling tty. */
  private static int fromStty() {
    try {
      Process stty = new ProcessBuilder("stty", "size")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        return Integer.parseInt(size.trim().split("\\s+")[1]);
      }
    } catch (Exception noTerminal) {
      // no tty, no stty: the usual width
    }
    return FALLBACK;
  }
}
