package graphrunner.train;

import graphrunner.data.LabeledImages;
import java.util.Arrays;
import java.util.Random;

/**
 * Mini-batches of the training set in a seeded random order, reshuffled at every epoch boundary;
 * an epoch's last partial batch is dropped, as {@code mnist.train.next_batch} effectively did.
 *
 * <p>The order is a function of (seed, step) alone: a run resumed at step s draws exactly the
 * batches an uninterrupted run draws from step s on, because the epochs' shuffles are replayed
 * up to s. Images stay bytes, in Java and in the batch: the graph converts them to [0, 1] floats
 * (copying 100 images' bytes takes 15–30 µs; converting them to floats here took ≈75).
 */
public final class ShuffledBatches {
  private final LabeledImages images;
  private final int imageSize;
  private final int batchSize;
  private final Random random;
  private final int[] order;
  private final byte[] pixels;
  private final float[] oneHot;
  private int position;

  /** The batches of a run from {@code firstStep} on (0 for a fresh run). */
  public ShuffledBatches(LabeledImages images, int batchSize, long seed, long firstStep) {
    if (batchSize > images.count()) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " exceeds the " + images.count() + " training images");
    }
    this.images = images;
    this.imageSize = images.pixelsPerImage();
    this.batchSize = batchSize;
    this.random = new Random(seed);
    this.order = new int[images.count()];
    Arrays.setAll(order, i -> i);
    this.pixels = new byte[batchSize * imageSize];
    this.oneHot = new float[batchSize * 10];
    long stepsPerEpoch = images.count() / batchSize;
    for (long epoch = 0; epoch <= firstStep / stepsPerEpoch; epoch++) {
      shuffle();
    }
    position = (int) (firstStep % stepsPerEpoch) * batchSize;
  }

  /** Fills {@code batch} with the next images and their one-hot labels. */
  public void next(Batch batch) {
    if (position + batchSize > order.length) {
      shuffle();
    }
    images.copyImageBytes(order, position, batchSize, pixels);
    Arrays.fill(oneHot, 0f);
    for (int i = 0; i < batchSize; i++) {
      oneHot[i * 10 + images.label(order[position + i])] = 1f;
    }
    batch.images().asRawTensor().data().write(pixels);
    batch.labels().asRawTensor().data().asFloats().write(oneHot);
    position += batchSize;
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    position = 0;
  }
}
