package graphrunner.train;

import graphrunner.experiments.Hyperparameters;

/**
 * How one training run is carried out, on top of the experiment's hyperparameters.
 *
 * @param hyperparameters the slide's settings, possibly overridden on the command line
 * @param seed seeds the initial weights, dropout masks and shuffling: same seed, same CPU run
 * @param evalEvery evaluate the whole test set every this many steps (and at the end); 0 never
 *     (the benchmark)
 * @param metricsEvery fetch the training loss/accuracy/lr every this many steps
 * @param evalBatchSize test images per evaluation batch (memory, not results)
 * @param device cpu or gpu
 * @param allowCpuFallback with gpu: run on the CPU, saying so, when no GPU is visible
 * @param tuning TensorFlow's threads and XLA
 */
public record RunConfig(Hyperparameters hyperparameters, long seed, int evalEvery,
    int metricsEvery, int evalBatchSize, Device device, boolean allowCpuFallback,
    Tuning tuning) {

  public static final int DEFAULT_EVAL_EVERY = 100;
  public static final int DEFAULT_METRICS_EVERY = 20;
  public static final int DEFAULT_EVAL_BATCH = 1000;

  public static RunConfig of(Hyperparameters hyperparameters, long seed) {
    return new RunConfig(hyperparameters, seed, DEFAULT_EVAL_EVERY, DEFAULT_METRICS_EVERY,
        DEFAULT_EVAL_BATCH, Device.CPU, false, Tuning.everyCore());
  }

  /** False only for the benchmark, which times training alone. */
  public boolean evaluates() {
    return evalEvery > 0;
  }

  public RunConfig withHyperparameters(Hyperparameters newHyperparameters) {
    return new RunConfig(newHyperparameters, seed, evalEvery, metricsEvery, evalBatchSize, device,
        allowCpuFallback, tuning);
  }

  public RunConfig withEvalEvery(int newEvalEvery) {
    return new RunConfig(hyperparameters, seed, newEvalEvery, metricsEvery, evalBatchSize, device,
        allowCpuFallback, tuning);
  }

  public RunConfig withDevice(Device newDevice, boolean fallback) {
    return new RunConfig(hyperparameters, seed, evalEvery, metricsEvery, evalBatchSize, newDevice,
        fallback, tuning);
  }

  public RunConfig withTuning(Tuning newTuning) {
    return new RunConfig(hyperparameters, seed, evalEvery, metricsEvery, evalBatchSize, device,
        allowCpuFallback, newTuning);
  }

  /** Threads one op may use (what {@code --threads} sets). */
  public int threads() {
    return tuning.intraOpThreads();
  }
}
