package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphrunner.CorruptData;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the real MNIST under {@code $GRAPH_RUNNER_DATA/mnist}; skipped without it. */
@Tag("slow") // reads the whole real data set
class MnistRealDataTest {
  @TempDir Path cache;

  @Test
  void realMnistHasThePublishedShapeClassCountsAndMean() {
    DataSplits splits = RealData.loadOrSkip(Dataset.MNIST, cache);

    assertEquals(60_000, splits.train().count());
    assertEquals(10_000, splits.test().count());
    assertEquals(28, splits.train().rows());
    assertEquals(28, splits.test().cols());
    // MNIST is not balanced; these are the well-known per-digit counts.
    assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
        RealData.classCounts(splits.train()));
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
        RealData.classCounts(splits.test()));
    assertEquals(0.1307, RealData.pixelMean(splits.train()), 0.001);
    assertEquals(Dataset.MNIST.contentSha256(), splits.sha256(), "the published content");
  }

  @Test
  void digitsTakenForFashionAreRefused() {
    RealData.loadOrSkip(Dataset.MNIST, cache); // skips without the real data
    Path digits = Path.of(System.getenv(DataLocator.DATA_ENV), "mnist");
    CorruptData e = assertThrows(CorruptData.class, () -> DataSplitsReader.read(
        Dataset.FASHION_MNIST, DatasetFolder.require(digits, "--data-dir")));
    assertEquals(digits + " holds mnist, not fashion-mnist", e.getMessage());
  }

  @Test
  void theDigitsTestSetAloneTakenForFashionIsRefused() {
    RealData.assertTestSetAloneIsKnownByContent(Dataset.MNIST, Dataset.FASHION_MNIST, cache);
  }
}
