package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphrunner.data.LabeledImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchedBatchesTest {

  private static LabeledImages images(int count) {
    byte[] pixels = new byte[count * 784];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 10);
      pixels[i * 784] = (byte) i; // a fingerprint of the image in its first pixel
    }
    return new LabeledImages(pixels, labels, 28, 28);
  }

  @ParameterizedTest(name = "threaded {0}")
  @ValueSource(booleans = {true, false})
  void batchesComeInTheSameOrderWithOrWithoutAThread(boolean threaded) {
    var data = images(50);
    try (var plain = new ShuffledBatches(data, 10, 3, 0);
        var source = new ShuffledBatches(data, 10, 3, 0);
        var prefetched = new PrefetchedBatches(source, 10, 28, 28, threaded);
        Batch expected = Batch.allocate(10, 28, 28)) {
      for (int batch = 0; batch < 12; batch++) {
        plain.next(expected);
        Batch actual = prefetched.next();
        byte[] expectedBytes = new byte[10 * 784];
        byte[] actualBytes = new byte[10 * 784];
        expected.images().asRawTensor().data().read(expectedBytes);
        actual.images().asRawTensor().data().read(actualBytes);
        assertArrayEquals(expectedBytes, actualBytes, "batch " + batch);
        float[] expectedLabels = new float[100];
        float[] actualLabels = new float[100];
        expected.labels().asRawTensor().data().asFloats().read(expectedLabels);
        actual.labels().asRawTensor().data().asFloats().read(actualLabels);
        assertArrayEquals(expectedLabels, actualLabels, "batch " + batch);
      }
    }
  }

  @Test
  void closingRightAfterABatchNeverHangs() {
    var data = images(50);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 0; i < 2000; i++) {
        try (var source = new ShuffledBatches(data, 10, i, 0);
            var prefetched = new PrefetchedBatches(source, 10, 28, 28, true)) {
          prefetched.next(); // leaves a fill queued or running when close() comes
        }
      }
    });
  }
}
