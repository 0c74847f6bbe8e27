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

  /** The four files, or empty when any is missing (or the folder does not exist). */
  public static Optional<DatasetFiles> find(Path dir) {
    return missing(dir).isEmpty() ? Optional.of(filesIn(dir)) : Optional.empty();
  }

  /**
   * The four files of a folder the user named; a {@link DatasetUnavailable} naming the folder,
   * where its name came from ({@code origin}, e.g. {@code --data-dir}) and each missing file.
   */
  public static DatasetFiles require(Path dir, String origin) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetUnavailable(origin + ": " + dir + " is not a directory");
    }
    List<String> missing = missing(dir);
    if (!missing.isEmpty()) {
      throw new DatasetUnavailable(origin + ": " + dir + " lacks " + String.join(", ", missing)
          + " (the uncompressed name without .gz is accepted too)");
    }
    return filesIn(dir);
  }

  /** The test pair of a folder the user named, as {@link #require} checks all four. */
  public static TestSetFiles requireTest(Path dir, String origin) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetUnavailable(origin + ": " + dir + " is not a directory");
    }
    List<String> missing = missing(dir, SplitFile.TEST);
    if (!missing.isEmpty()) {
      throw new DatasetUnavailable(origin + ": " + dir + " lacks " + String.join(", ", missing)
          + " (the uncompressed name without .gz is accepted too)");
    }
    return testFilesIn(dir);
  }

  /** The test pair, or empty when either is missing. */
  public static Optional<TestSetFiles> findTest(Path dir) {
    return missing(dir, SplitFile.TEST).isEmpty() ? Optional.of(testFilesIn(dir))
        : Optional.empty();
  }

  /** The canonical {@code .gz} names of the files missing in {@code dir}. */
  public static List<String> missing(Path dir) {
    return missing(dir, List.of(SplitFile.values()));
  }

  private static List<String> missing(Path dir, List<SplitFile> files) {
    List<String> missing = new ArrayList<>();
    for (SplitFile file : files) {
      if (locate(dir, file).isEmpty()) {
        missing.add(file.gzName());
      }
    }
    return missing;
  }

  private static DatasetFiles filesIn(Path dir) {
    return new DatasetFiles(
        locate(dir, SplitFile.TRAIN_IMAGES).orElseThrow(),
        locate(dir, SplitFile.TRAIN_LABELS).orElseThrow(),
        locate(dir, SplitFile.TEST_IMAGES).orElseThrow(),
        locate(dir, SplitFile.TEST_LABELS).orElseThrow());
  }

  private static TestSetFiles testFilesIn(Path dir) {
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
