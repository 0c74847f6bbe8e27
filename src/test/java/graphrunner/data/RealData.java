package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import graphrunner.CorruptData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a real data set from {@code $GRAPH_RUNNER_DATA}, skipping the calling test when it is not there. */
public final class RealData {
  private RealData() {}

  /** The data set from {@code $GRAPH_RUNNER_DATA}, or the calling test is skipped. */
  public static DataSplits loadOrSkip(Dataset dataset) {
    return loadOrSkip(dataset, Path.of(System.getProperty("java.io.tmpdir"), "graph-runner-test-cache"));
  }

  static DataSplits loadOrSkip(Dataset dataset, Path cacheRoot) {
    String root = System.getenv(DataLocator.DATA_ENV);
    assumeTrue(root != null && !root.isBlank(), DataLocator.DATA_ENV + " not set: real-data test skipped");
    assumeTrue(Files.isDirectory(Path.of(root, dataset.id())),
        DataLocator.DATA_ENV + " lacks " + dataset.id() + "/: real-data test skipped");
    return new DataLocator(System::getenv, cacheRoot).load(dataset, Optional.empty());
  }

  /** How many images of each class a split holds. */
  static int[] classCounts(LabeledImages split) {
    int[] counts = new int[10];
    for (int i = 0; i < split.count(); i++) {
      counts[split.label(i)]++;
    }
    return counts;
  }

  /** Mean pixel value / 255 over a whole split. */
  static double pixelMean(LabeledImages split) {
    long sum = 0;
    for (int i = 0; i < split.count(); i++) {
      for (int row = 0; row < split.rows(); row++) {
        for (int col = 0; col < split.cols(); col++) {
          sum += split.pixel(i, row, col);
        }
      }
    }
    return sum / 255.0 / ((long) split.count() * split.pixelsPerImage());
  }

  /**
   * The real test pair of {@code held}, read alone: it serves as {@code held}'s and is refused,
   * by its content, as {@code other}'s.
   */
  static void assertTestSetAloneIsKnownByContent(Dataset held, Dataset other, Path cacheRoot) {
    loadOrSkip(held, cacheRoot); // skips without the real data
    Path folder = Path.of(System.getenv(DataLocator.DATA_ENV), held.id());
    TestSetFiles files = DatasetFolder.testFilesIn(folder);
    assertEquals(10_000, DataSplitsReader.readTest(held, files).count());
    var e = assertThrows(CorruptData.class, () -> DataSplitsReader.readTest(other, files));
    assertEquals(folder + " holds " + held.id() + ", not " + other.id(), e.getMessage());
  }
}
