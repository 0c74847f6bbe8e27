package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/** Deck 003: 5-layer fully connected, sigmoid, Adam 0.003 (slide: 88.45 % max test accuracy). The graph is {@link FiveLayerNet}'s. */
public final class Fc5Sigmoid extends FiveLayerNet {

  public Fc5Sigmoid() {
    super(false);
  }

  @Override
  public String id() {
    return "fc5-sigmoid";
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "88.45 %";
  }

  @Override
  public String title() {
    return "5-layer fully connected, sigmoid, Adam 0.003";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(10_000).batchSize(100)
        .learningRate(LearningRate.constant(0.003))
        .optimizer(Optimizer.adam())
        .build();
  }
}
