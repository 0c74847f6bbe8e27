package graphrunner.train;

import graphrunner.data.LabeledImages;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mini-batches of the training set in a seeded random order, reshuffled at every epoch boundary;
 * an epoch's last partial batch is dropped, as {@code mnist.train.next_batch} effectively did.
 *
 * <p>The order is a function of (seed, step) alone: a run resumed at step s draws exactly the
 * batches an uninterrupted run draws from step s on, because the epochs' shuffles are replayed
 * up to s. Images stay bytes, in Java and in the batch: the graph converts them to [0, 1] floats.
 *
 * <p>A thread of its own gathers the images from their random places in the training set, 10,000
 * at a time, into one of two chunks (7.8 MB each for Fashion-MNIST); the caller copies each batch
 * from the chunk the thread filled before. Gathering a batch's 100 images out of 47 MB right after
 * a step had the caller wait on memory: 37–54 µs a batch, 3–4 % of an fc5 step. Now the caller
 * spends 20–25 µs on a batch, the handing over of a chunk every 100 steps included, and the
 * thread 5–6 ms a chunk: no third busy thread on two cores.
 */
public final class ShuffledBatches implements AutoCloseable {
  /** Images gathered at a time: 100 batches of 100, 7.8 MB of 28×28 images. */
  private static final int IMAGES_PER_CHUNK = 10_000;
  private static final int CHUNKS = 2;

  private final LabeledImages images;
  private final int imageSize;
  private final int batchSize;
  private final int batchesPerEpoch;
  private final int batchesPerChunk;
  private final int chunksPerEpoch;
  private final float[] oneHot;
  private final byte[][] chunkPixels = new byte[CHUNKS][];
  private final byte[][] chunkLabels = new byte[CHUNKS][];
  private final Future<?>[] chunkFilled = new Future<?>[CHUNKS];
  private final ExecutorService gatherer;
  private long step;

  // the gathering thread's alone, once the constructor is done
  private final Random random;
  private final int[] order;
  private long orderEpoch = -1;

  /** The batches of a run from {@code firstStep} on (0 for a fresh run). */
  public ShuffledBatches(LabeledImages images, int batchSize, long seed, long firstStep) {
    this(images, batchSize, seed, firstStep, IMAGES_PER_CHUNK);
  }

  /** With chunks of at most {@code imagesPerChunk} images (whole batches, at least one). */
  ShuffledBatches(LabeledImages images, int batchSize, long seed, long firstStep,
      int imagesPerChunk) {
    if (batchSize > images.count()) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " exceeds the " + images.count() + " training images");
    }
    this.images = images;
    this.imageSize = images.pixelsPerImage();
    this.batchSize = batchSize;
    this.batchesPerEpoch = images.count() / batchSize;
    this.batchesPerChunk = Math.max(1, Math.min(imagesPerChunk / batchSize, batchesPerEpoch));
    this.chunksPerEpoch = (batchesPerEpoch + batchesPerChunk - 1) / batchesPerChunk;
    this.oneHot = new float[batchSize * 10];
    this.random = new Random(seed);
    this.order = new int[images.count()];
    Arrays.setAll(order, i -> i);
    for (int c = 0; c < CHUNKS; c++) {
      chunkPixels[c] = new byte[batchesPerChunk * batchSize * imageSize];
      chunkLabels[c] = new byte[batchesPerChunk * batchSize];
    }
    this.gatherer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "batch-gather");
      t.setDaemon(true);
      return t;
    });
    this.step = firstStep;
    long first = chunkOf(firstStep);
    for (long chunk = first; chunk < first + CHUNKS; chunk++) {
      fillLater(chunk);
    }
  }

  /** Fills {@code batch} with the next images and their one-hot labels. */
  public void next(Batch batch) {
    long chunk = chunkOf(step);
    int slot = (int) (chunk % CHUNKS);
    BackgroundTask.await(chunkFilled[slot], "gathering a batch");
    int first = (int) (step % batchesPerEpoch % batchesPerChunk) * batchSize;
    Arrays.fill(oneHot, 0f);
    for (int i = 0; i < batchSize; i++) {
      oneHot[i * 10 + (chunkLabels[slot][first + i] & 0xFF)] = 1f;
    }
    batch.images().asRawTensor().data()
        .write(chunkPixels[slot], first * imageSize, batchSize * imageSize);
    batch.labels().asRawTensor().data().asFloats().write(oneHot);
    step++;
    if (chunkOf(step) != chunk) {
      fillLater(chunk + CHUNKS); // into the slot just read
    }
  }

  /** The chunk that holds a step's batch, counted from the first epoch's first. */
  private long chunkOf(long step) {
    return step / batchesPerEpoch * chunksPerEpoch + step % batchesPerEpoch / batchesPerChunk;
  }

  /**
   * Gathers a chunk's images on the thread, which takes chunks in order: an epoch's shuffle
   * comes after the previous epoch's last chunk.
   */
  private void fillLater(long chunk) {
    chunkFilled[(int) (chunk % CHUNKS)] = gatherer.submit(() -> {
      long epoch = chunk / chunksPerEpoch;
      while (orderEpoch < epoch) {
        shuffle();
        orderEpoch++;
      }
      int firstBatch = (int) (chunk % chunksPerEpoch) * batchesPerChunk;
      int batches = Math.min(batchesPerChunk, batchesPerEpoch - firstBatch);
      int slot = (int) (chunk % CHUNKS);
      images.gather(order, firstBatch * batchSize, batches * batchSize, chunkPixels[slot],
          chunkLabels[slot]);
    });
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** Stops the gathering thread; it touches only Java arrays, so nothing waits for it. */
  @Override
  public void close() {
    gatherer.shutdownNow();
  }
}
