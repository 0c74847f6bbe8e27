package graphrunner.fs;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
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
  private static final int MOST_CANDIDATES = 100;
  private static final AtomicLong COUNTER = new AtomicLong();
  private final Path path;
  /** The outermost folder that {@link #in} created for it, null if its parent existed. */
  private final Path createdFolders;
  private boolean published;

  private StagingDirectory(Path path, Path createdFolders) {
    this.path = path;
    this.createdFolders = createdFolders;
  }

  /**
   * Creates a fresh staging folder inside {@code parent}, and {@code parent} if missing (taken
   * back by {@link #close} when nothing was published).
   */
  public static StagingDirectory in(Path parent) throws IOException {
    Path createdFolders = null;
    for (Path p = parent.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      createdFolders = p;
    }
    Files.createDirectories(parent);
    Path path = parent.resolve(PREFIX + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet());
    return new StagingDirectory(Files.createDirectory(path), createdFolders);
  }

  public Path path() {
    return path;
  }

  /** Renames the staged folder to {@code target} atomically; fails if the target exists. */
  public Path publish(Path target) throws IOException {
    Path moved = Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
    published = true;
    return moved;
  }

  /** The {@code n}-th name to try, from 1: a timestamp and a suffix, the next version... */
  @FunctionalInterface
  public interface Candidate {
    Path nth(int n) throws IOException;
  }

  /**
   * Renames the staged folder to the first candidate free when the rename happens: another
   * process may take a name between the look and the rename, and then the next one is tried.
   *
   * @param what what the names are for, as an error says it ("a version under models/cnn")
   */
  public Path publishUnderFreeName(Candidate candidate, String what) throws IOException {
    for (int n = 1; n <= MOST_CANDIDATES; n++) {
      Path target = candidate.nth(n);
      if (Files.exists(target)) {
        continue;
      }
      try {
        return publish(target);
      } catch (FileSystemException e) {
        if (!Files.exists(target)) {
          throw e;
        }
        // taken since we looked: Linux refuses a rename onto a non-empty folder with
        // "Directory not empty", which Java reports as a plain FileSystemException
      }
    }
    throw new IOException("no free name for " + what + " in " + MOST_CANDIDATES + " tries");
  }

  /**
   * Removes what is left when the folder was not published, and the folders {@link #in} created
   * for it while they are empty: a failed or stopped write leaves nothing at all.
   */
  @Override
  public void close() throws IOException {
    deleteRecursively(path);
    if (published || createdFolders == null) {
      return;
    }
    for (Path p = path.toAbsolutePath().getParent(); p != null && p.startsWith(createdFolders);
        p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (DirectoryNotEmptyException stillUsed) {
        return; // someone else writes there too: theirs now
      }
    }
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
