package graphrunner.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a text file that appears only whole: written under a hidden name beside it, then renamed
 * over it in one step. A full disk or a killed process never leaves a truncated file that looks
 * finished; a failed write removes its temporary file. Results are for sharing: the file is
 * readable by everyone ({@code rw-r--r--}), whatever the umask.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * @throws UnsupportedOperationException on a file system without POSIX permissions
   */
  public static void writeString(Path target, String text) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-"
        + ProcessHandle.current().pid());
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
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
