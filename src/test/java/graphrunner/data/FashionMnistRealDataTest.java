package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the real Fashion-MNIST under {@code $GRAPH_RUNNER_DATA/fashion-mnist}; skipped without it. */
@Tag("slow") // reads the whole real data set
class FashionMnistRealDataTest {
  @TempDir Path cache;

  @Test
  void realFashionMnistHasThePublishedShapeBalanceAndMean() {
    DataSplits splits = RealData.loadOrSkip(Dataset.FASHION_MNIST, cache);

    assertEquals(60_000, splits.train().count());
    assertEquals(10_000, splits.test().count());
    assertEquals(28, splits.train().rows());
    assertEquals(28, splits.test().cols());
    int[] sixThousandEach = new int[10];
    Arrays.fill(sixThousandEach, 6_000);
    assertArrayEquals(sixThousandEach, RealData.classCounts(splits.train()));
    int[] thousandEach = new int[10];
    Arrays.fill(thousandEach, 1_000);
    assertArrayEquals(thousandEach, RealData.classCounts(splits.test()));
    assertEquals(0.2860, RealData.pixelMean(splits.train()), 0.001);
    assertEquals(Dataset.FASHION_MNIST.contentSha256(), splits.sha256(), "the published content");
  }

  @Test
  void theFashionTestSetAloneTakenForDigitsIsRefused() {
    RealData.assertTestSetAloneIsKnownByContent(Dataset.FASHION_MNIST, Dataset.MNIST, cache);
  }
}
