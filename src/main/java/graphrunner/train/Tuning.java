package graphrunner.train;

import graphrunner.experiments.Experiment;

/**
 * How fast a run goes on this machine. None of it changes the graph; XLA may round differently
 * in the last bits, and bfloat16 rounds the multiplications' inputs to 8 significant bits.
 *
 * @param intraOpThreads threads one op may use (a MatMul, a Conv2D)
 * @param interOpThreads ops run side by side
 * @param xla compile the graph's clusters with XLA's JIT
 * @param prefetch prepare the next batch on a thread of its own while the session runs
 * @param bfloat16 let oneDNN run the convolutions and matrix multiplies (and the element-wise
 *     ops between them) in bfloat16 on the CPU; variables, the loss and Adam stay float32
 */
public record Tuning(int intraOpThreads, int interOpThreads, boolean xla, boolean prefetch,
    boolean bfloat16) {

  /** The largest batch at which a fully connected net was measured faster on one thread. */
  public static final int ONE_THREAD_MAX_BATCH = 100;

  /**
   * What measured best on 2 cores ({@code bench}, medians of rounds). Convolutional nets, and
   * fully connected ones at larger batches: every core for one op and as many ops side by side
   * (one inter-op thread was slower on fc5 in 2026-11-25's measurements), no XLA (cnn ran at half
   * speed with it). A fully connected net at the slides' batch of 100 runs on one thread: its
   * ops (≈30 MFLOP) gain less from a second core than handing them over costs (fc5-relu-decay
   * 66,145 against 51,431 examples/s, medians of 5; at batch 300 two threads won, 101,072
   * against 84,820). A prefetch thread only with more than 2 cores: on 2 it cut the runner's
   * overhead on fc5 from about +20 % to +10 %, but cost the convolutional nets, which are most of
   * the catalogue's time, 5 to 9 % (a third busy thread beside TensorFlow's two); beside one
   * thread it was not shown to help. bfloat16 where the net measured faster with it on a CPU
   * with bfloat16 instructions ({@code fasterInBfloat16}: cnn-batchnorm, keras-cnn and
   * mnist-cnn, whose convolutions have 24 to 64 filters, 16–29 % less time in whole runs). The
   * small convolutions of cnn and cnn-dropout gained 2–3 % in a probe and lost or varied in
   * whole runs, and the fully connected nets lost 30 % to the casts around each multiply.
   */
  public static Tuning defaultsFor(Experiment experiment, int batchSize) {
    Tuning everyCore = everyCore()
        .withBfloat16(experiment.fasterInBfloat16() && NativeBfloat16.available());
    return !experiment.convolutional() && batchSize <= ONE_THREAD_MAX_BATCH
        ? everyCore.withIntraOpThreads(1).withInterOpThreads(1) : everyCore;
  }

  /** Every core for one op and as many side by side, whatever the net. */
  public static Tuning everyCore() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Tuning(cores, cores, false, cores > 2, false);
  }

  public Tuning withIntraOpThreads(int threads) {
    return new Tuning(threads, interOpThreads, xla, prefetch, bfloat16);
  }

  public Tuning withInterOpThreads(int threads) {
    return new Tuning(intraOpThreads, threads, xla, prefetch, bfloat16);
  }

  public Tuning withXla(boolean on) {
    return new Tuning(intraOpThreads, interOpThreads, on, prefetch, bfloat16);
  }

  public Tuning withPrefetch(boolean on) {
    return new Tuning(intraOpThreads, interOpThreads, xla, on, bfloat16);
  }

  public Tuning withBfloat16(boolean on) {
    return new Tuning(intraOpThreads, interOpThreads, xla, prefetch, on);
  }
}
