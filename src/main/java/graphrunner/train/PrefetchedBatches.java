package graphrunner.train;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the next batch on a background thread while the session runs the current one (the
 * role of {@code prefetch} in tf.data): copying a batch out of the images {@link ShuffledBatches}
 * gathered ahead takes 20–25 µs, 2 % of an fc5 step (gathering it after the step, before that
 * thread, slowed the step by about 4 % on two TensorFlow threads, 1.8 % on its one). Two pairs of
 * batch tensors alternate; one thread fills them in order, so the batch sequence is the same as
 * without prefetching. Without a thread ({@code threaded} false, for machines whose cores
 * TensorFlow already keeps busy), one pair is filled when asked for.
 */
final class PrefetchedBatches implements AutoCloseable {
  private final ShuffledBatches source;
  private final Batch[] pairs = new Batch[2];
  private final ExecutorService filler;
  private Future<?> pending;
  private int ready;

  PrefetchedBatches(ShuffledBatches source, int batchSize, int rows, int cols, boolean threaded) {
    this.source = source;
    for (int i = 0; i < 2; i++) {
      pairs[i] = Batch.allocate(batchSize, rows, cols);
    }
    filler = threaded ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "batch-prefetch");
      t.setDaemon(true);
      return t;
    }) : null;
    pending = threaded ? fill(0) : null;
  }

  /**
   * The next batch, valid until the following call; the batch after it is being prepared
   * meanwhile.
   */
  Batch next() {
    if (filler == null) {
      source.next(pairs[0]);
      return pairs[0];
    }
    BackgroundTask.await(pending, "preparing a batch");
    Batch batch = pairs[ready];
    ready = 1 - ready;
    pending = fill(ready);
    return batch;
  }

  private Future<?> fill(int pair) {
    return filler.submit(() -> source.next(pairs[pair]));
  }

  /**
   * Stops the filler and waits for its thread to end before the tensors are freed. (Waiting on the
   * pending future instead would hang when shutdownNow drops it before it started.)
   */
  @Override
  public void close() {
    if (filler != null && !fillerStopped()) {
      return; // the tensors stay allocated rather than freed under a running fill
    }
    for (Batch pair : pairs) {
      pair.close();
    }
  }

  private boolean fillerStopped() {
    filler.shutdownNow();
    try {
      if (!filler.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the batch prefetch thread did not stop");
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
