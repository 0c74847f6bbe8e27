package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import graphrunner.data.LabeledImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShuffledBatchesTest {

  /** Images whose first two pixels spell their index, labelled index mod 10. */
  private static LabeledImages images(int count) {
    byte[] pixels = new byte[count * 784];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      pixels[i * 784] = (byte) (i >> 8);
      pixels[i * 784 + 1] = (byte) i;
      pixels[i * 784 + 783] = (byte) (i * 7); // and their last, so a shifted copy shows
      labels[i] = (byte) (i % 10);
    }
    return new LabeledImages(pixels, labels, 28, 28);
  }

  /**
   * The order the batches must come in, written out plainly: every epoch shuffles the previous
   * epoch's order in place (Fisher-Yates, one {@code Random} for the run), and its last partial
   * batch is dropped.
   */
  private static List<int[]> expectedBatches(int count, int batchSize, long seed, int steps) {
    var random = new Random(seed);
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    List<int[]> batches = new ArrayList<>();
    int perEpoch = count / batchSize;
    for (int step = 0; step < steps; step++) {
      if (step % perEpoch == 0) {
        for (int i = count - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int swap = order[i];
          order[i] = order[j];
          order[j] = swap;
        }
      }
      int first = (step % perEpoch) * batchSize;
      batches.add(Arrays.copyOfRange(order, first, first + batchSize));
    }
    return batches;
  }

  /** The images a batch holds, read back from its tensors, checked against its labels. */
  private static int[] indicesIn(Batch batch, int batchSize) {
    byte[] pixels = new byte[batchSize * 784];
    float[] oneHot = new float[batchSize * 10];
    batch.images().asRawTensor().data().read(pixels);
    batch.labels().asRawTensor().data().asFloats().read(oneHot);
    int[] indices = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      int index = (pixels[i * 784] & 0xFF) << 8 | pixels[i * 784 + 1] & 0xFF;
      assertEquals((byte) (index * 7), pixels[i * 784 + 783], "image " + index + " whole");
      float[] expectedLabel = new float[10];
      expectedLabel[index % 10] = 1f;
      assertArrayEquals(expectedLabel, Arrays.copyOfRange(oneHot, i * 10, i * 10 + 10),
          "label of image " + index);
      indices[i] = index;
    }
    return indices;
  }

  @ParameterizedTest(name = "{0} images in batches of {1}, chunks of up to {2} images")
  @CsvSource({
      "2500, 10, 1000", // 250 batches an epoch: chunks of 100, 100 and 50
      "1005, 5, 500", // 201 batches: the last chunk one batch
      "53, 5, 1000", // 10 batches, one chunk, three images dropped each epoch
      "10, 10, 1000", // one batch an epoch
      "300, 30, 20", // a chunk smaller than a batch: a batch a chunk
      "2500, 100, 10000", // the default's chunk: a whole epoch here
  })
  void batchesComeInTheSeededOrderEpochAfterEpoch(int count, int batchSize, int imagesPerChunk) {
    int steps = 7 * (count / batchSize) + 3;
    List<int[]> expected = expectedBatches(count, batchSize, 42, steps);
    try (var batches = new ShuffledBatches(images(count), batchSize, 42, 0, imagesPerChunk);
        Batch batch = Batch.allocate(batchSize, 28, 28)) {
      for (int step = 0; step < steps; step++) {
        batches.next(batch);
        assertArrayEquals(expected.get(step), indicesIn(batch, batchSize), "step " + step);
      }
    }
  }

  @ParameterizedTest(name = "resumed at step {0}")
  @CsvSource({"0", "1", "99", "100", "101", "199", "200", "249", "250", "251", "350", "520"})
  void aResumedRunDrawsTheBatchesAnUninterruptedOneDraws(int firstStep) {
    int steps = 600;
    List<int[]> expected = expectedBatches(2500, 10, 7, steps);
    try (var batches = new ShuffledBatches(images(2500), 10, 7, firstStep, 1000);
        Batch batch = Batch.allocate(10, 28, 28)) {
      for (int step = firstStep; step < steps; step++) {
        batches.next(batch);
        assertArrayEquals(expected.get(step), indicesIn(batch, 10), "step " + step);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2"})
  void epochsAreReshuffled(long seed) {
    try (var batches = new ShuffledBatches(images(100), 100, seed, 0);
        Batch batch = Batch.allocate(100, 28, 28)) {
      batches.next(batch);
      int[] first = indicesIn(batch, 100);
      batches.next(batch);
      int[] second = indicesIn(batch, 100);
      assertNotEquals(Arrays.toString(first), Arrays.toString(second));
      Arrays.sort(first);
      Arrays.sort(second);
      int[] all = new int[100];
      Arrays.setAll(all, i -> i);
      assertArrayEquals(all, first, "an epoch holds every image once");
      assertArrayEquals(all, second, "an epoch holds every image once");
    }
  }
}
