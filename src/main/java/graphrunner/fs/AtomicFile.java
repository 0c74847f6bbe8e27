package graphrunner.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file that appears only whole: written under a hidden name beside it, then renamed
 * over it in one step. A full disk or a killed process never leaves a truncated file that looks
 * finished; a failed write removes its temporary file.
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void writeString(Path target, String text) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-"
        + ProcessHandle.current().pid());
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
