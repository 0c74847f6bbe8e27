package graphrunner.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path with its {@code ..} taken as the operating system takes it. Java opens {@code link/..}
 * as the parent of the folder the link points to, but TensorFlow cleans a path's text before it
 * saves (a checkpoint, a SavedModel), so that {@code link/..} means the link's own folder; the
 * two would write to different places. The part of the path that exists is resolved through its
 * links; what does not exist yet has no links, and its {@code ..} is textual for both.
 */
public final class PhysicalPath {
  private PhysicalPath() {}

  /** {@code path} unchanged when it has no {@code ..}; else absolute, with no {@code ..} left. */
  public static Path of(Path path) {
    if (!hasParentStep(path)) {
      return path;
    }
    Path absolute = path.toAbsolutePath();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute.normalize();
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute.normalize(); // unreadable on the way: the write will say so
    }
  }

  private static boolean hasParentStep(Path path) {
    for (Path name : path) {
      if (name.toString().equals("..")) {
        return true;
      }
    }
    return false;
  }
}
