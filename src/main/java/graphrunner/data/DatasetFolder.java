package graphrunner.data;

import graphrunner.DatasetUnavailable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a data set's four files in one folder. Each file may be the published {@code .gz} or its
 * uncompressed form; the {@code .gz} wins when both are there.
 */
public final class DatasetFolder {
  private DatasetFolder() {}

  /**
   * The four files of a folder the user named; a {@link DatasetUnavailable} naming the folder,
   * where its name came from ({@code origin}, e.g. {@code --data-dir}) and each missing file.
   */
  public static DatasetFiles require(Path dir, String origin) {
    return filesIn(requireHolding(dir, origin, SplitFile.ALL));
  }

  /** {@code dir}, once it is known to hold {@code files}; else the error {@link #require} gives. */
  static Path requireHolding(Path dir, String origin, List<SplitFile> files) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetUnavailable(origin + ": " + dir + " is not a directory");
    }
    List<String> missing = missing(dir, files);
    if (!missing.isEmpty()) {
      throw new DatasetUnavailable(origin + ": " + dir + " lacks " + String.join(", ", missing)
          + " (the uncompressed name without .gz is accepted too)");
    }
    return dir;
  }

  /** Whether {@code dir} holds every one of {@code files}, each {@code .gz} or uncompressed. */
  static boolean holds(Path dir, List<SplitFile> files) {
    return missing(dir, files).isEmpty();
  }

  /** The canonical {@code .gz} names of those of {@code files} missing in {@code dir}. */
  private static List<String> missing(Path dir, List<SplitFile> files) {
    List<String> missing = new ArrayList<>();
    for (SplitFile file : files) {
      if (locate(dir, file).isEmpty()) {
        missing.add(file.gzName());
      }
    }
    return missing;
  }

  static DatasetFiles filesIn(Path dir) {
    return new DatasetFiles(
        locate(dir, SplitFile.TRAIN_IMAGES).orElseThrow(),
        locate(dir, SplitFile.TRAIN_LABELS).orElseThrow(),
        locate(dir, SplitFile.TEST_IMAGES).orElseThrow(),
        locate(dir, SplitFile.TEST_LABELS).orElseThrow());
  }

  static TestSetFiles testFilesIn(Path dir) {
    return new TestSetFiles(locate(dir, SplitFile.TEST_IMAGES).orElseThrow(),
        locate(dir, SplitFile.TEST_LABELS).orElseThrow());
  }

  private static Optional<Path> locate(Path dir, SplitFile file) {
    for (String name : List.of(file.gzName(), file.rawName())) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
