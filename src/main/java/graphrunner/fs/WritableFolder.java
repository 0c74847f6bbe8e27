package graphrunner.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder could be written, asked before hours of work go into what will be written
 * there, and without creating anything: its nearest part that exists must be a writable directory.
 */
public final class WritableFolder {
  /** The longest file name Linux's file systems take (ext4, xfs, btrfs, tmpfs). */
  private static final int NAME_MAX = 255;

  private WritableFolder() {}

  /** Why {@code folder} cannot be written, or empty when it can. */
  public static Optional<String> problem(Path folder) {
    for (Path name : folder) {
      if (name.toString().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        return Optional.of("a name in it is longer than " + NAME_MAX + " bytes");
      }
    }
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.of("no such folder");
    }
    if (!Files.isDirectory(existing)) {
      return Optional.of(existing + " is not a directory");
    }
    if (!Files.isWritable(existing)) {
      return Optional.of("permission denied (" + existing + ")");
    }
    return Optional.empty();
  }
}
