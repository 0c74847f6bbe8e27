package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/** Deck 003: 5-layer ReLU, Adam with decaying learning rate (slide: 89.49 % max test accuracy). The graph is {@link FiveLayerNet}'s. */
public final class Fc5ReluDecay extends FiveLayerNet {

  public Fc5ReluDecay() {
    super(true);
  }

  @Override
  public String id() {
    return "fc5-relu-decay";
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "89.49 %";
  }

  @Override
  public String title() {
    return "5-layer ReLU, Adam with decaying learning rate";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(10_000).batchSize(100)
        .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
        .optimizer(Optimizer.adam())
        .build();
  }
}
