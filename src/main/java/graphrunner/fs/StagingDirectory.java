package graphrunner.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A hidden folder, {@code .tmp-<pid>-<n>}, in which something that must appear whole (a
 * checkpoint, a SavedModel) is written next to where it will live, then renamed into place in one
 * step. A process killed mid-write leaves only such a folder; the next process that writes there
 * removes those whose owner is gone ({@link #removeAbandoned}). They live beside their destination,
 * never in /tmp, so a rename is atomic and nothing is left where the user does not look.
 */
public final class StagingDirectory implements AutoCloseable {
  public static final String PREFIX = ".tmp-";
  private static final AtomicLong COUNTER = new AtomicLong();
  private final Path path;

  private StagingDirectory(Path path) {
    this.path = path;
  }

  /** Creates a fresh staging folder inside {@code parent} (created if missing). */
  public static StagingDirectory in(Path parent) throws IOException {
    Files.createDirectories(parent);
    Path path = parent.resolve(PREFIX + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet());
    return new StagingDirectory(Files.createDirectory(path));
  }

  public Path path() {
    return path;
  }

  /** Renames the staged folder to {@code target} atomically; fails if the target exists. */
  public Path publish(Path target) throws IOException {
    return Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes what is left when the folder was not published. */
  @Override
  public void close() throws IOException {
    deleteRecursively(path);
  }

  /** Removes the staging folders under {@code parent} whose owning process is gone. */
  public static void removeAbandoned(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> children = Files.list(parent)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(PREFIX) && !ownerAlive(name)) {
          deleteRecursively(child);
        }
      }
    }
  }

  private static boolean ownerAlive(String name) {
    try {
      long pid = Long.parseLong(name.substring(PREFIX.length()).split("-")[0]);
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
