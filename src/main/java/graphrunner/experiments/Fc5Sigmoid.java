package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/**
 * Deck 003: 5-layer fully connected, sigmoid, Adam 0.003 (slide: 88.45 % max test
 * accuracy). The graph is {@link FiveLayerNet}'s.
 */
public final class Fc5Sigmoid {

  public static final Experiment EXPERIMENT = Experiment.builder("fc5-sigmoid")
      .deck("003")
      .slideAccuracy("88.45 %")
      .title("5-layer fully connected, sigmoid, Adam 0.003")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.constant(0.003))
          .optimizer(Optimizer.adam())
          .build())
      .choices(FiveLayerNet.CHOICES)
      .graph(FiveLayerNet.SIGMOID);

  private Fc5Sigmoid() {}
}
