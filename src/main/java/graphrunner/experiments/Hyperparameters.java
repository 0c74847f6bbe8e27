package graphrunner.experiments;

import graphrunner.graph.BatchNormUpdate;
import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/**
 * What a training run of an experiment is made of; each experiment has the slide's values as
 * defaults and the CLI may override some.
 *
 * @param steps training updates (the decks' 10,001 iterations evaluate 10,000 updates)
 * @param batchSize images per update
 * @param learningRate constant or decaying, computed in the graph
 * @param optimizer Adam, SGD, momentum
 * @param pkeep dropout keep probability during training; 1 means no dropout layers at all
 * @param init the name of the weight initialiser among the experiment's
 *     {@link Experiment#initChoices()}, or "" for experiments that offer no choice
 * @param batchNorm when batch-norm layers update their moving averages (only for experiments
 *     with {@link Experiment#batchNormalised()} layers)
 */
public record Hyperparameters(long steps, int batchSize, LearningRate learningRate,
    Optimizer optimizer, float pkeep, String init, BatchNormUpdate batchNorm) {

  /** Named settings, as the scripts name them: {@code steps(10_000).batchSize(100)...}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds the settings of a slide; dropout is off and there is no initialiser choice unless set. */
  public static final class Builder {
    private long steps = -1;
    private int batchSize = -1;
    private LearningRate learningRate;
    private Optimizer optimizer;
    private float pkeep = 1f;
    private String init = "";
    private BatchNormUpdate batchNorm = BatchNormUpdate.TWO_PASS;

    private Builder() {}

    public Builder steps(long value) {
      steps = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder learningRate(LearningRate value) {
      learningRate = value;
      return this;
    }

    public Builder optimizer(Optimizer value) {
      optimizer = value;
      return this;
    }

    /** The keep probability in training; 1 (the default) means no dropout. */
    public Builder pkeep(float value) {
      pkeep = value;
      return this;
    }

    /** The default of the experiment's {@link Experiment#initChoices()}. */
    public Builder init(String value) {
      init = value;
      return this;
    }

    /** For experiments with batch-norm layers; two passes unless set. */
    public Builder batchNorm(BatchNormUpdate value) {
      batchNorm = value;
      return this;
    }

    public Hyperparameters build() {
      if (steps < 0 || batchSize < 1 || learningRate == null || optimizer == null) {
        throw new IllegalStateException("steps, batchSize, learningRate and optimizer are needed");
      }
      return new Hyperparameters(steps, batchSize, learningRate, optimizer, pkeep, init,
          batchNorm);
    }
  }

  public Hyperparameters withSteps(long newSteps) {
    return new Hyperparameters(newSteps, batchSize, learningRate, optimizer, pkeep, init,
        batchNorm);
  }

  public Hyperparameters withBatchSize(int newBatchSize) {
    return new Hyperparameters(steps, newBatchSize, learningRate, optimizer, pkeep, init,
        batchNorm);
  }

  public Hyperparameters withLearningRate(LearningRate newRate) {
    return new Hyperparameters(steps, batchSize, newRate, optimizer, pkeep, init,
        batchNorm);
  }

  public Hyperparameters withPkeep(float newPkeep) {
    return new Hyperparameters(steps, batchSize, learningRate, optimizer, newPkeep, init, batchNorm);
  }

  public Hyperparameters withInit(String newInit) {
    return new Hyperparameters(steps, batchSize, learningRate, optimizer, pkeep, newInit, batchNorm);
  }

  public Hyperparameters withBatchNorm(BatchNormUpdate newBatchNorm) {
    return new Hyperparameters(steps, batchSize, learningRate, optimizer, pkeep, init,
        newBatchNorm);
  }

  public boolean dropout() {
    return pkeep < 1f;
  }
}
