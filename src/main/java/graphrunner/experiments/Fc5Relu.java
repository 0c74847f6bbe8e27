package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/**
 * Deck 003: 5-layer fully connected, ReLU, Adam 0.003 (slide: 88.93 % max test
 * accuracy). The graph is {@link FiveLayerNet}'s.
 */
public final class Fc5Relu {

  public static final Experiment EXPERIMENT = Experiment.builder("fc5-relu")
      .deck("003")
      .slideAccuracy("88.93 %")
      .title("5-layer fully connected, ReLU, Adam 0.003")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.constant(0.003))
          .optimizer(Optimizer.adam())
          .build())
      .choices(FiveLayerNet.CHOICES)
      .graph(FiveLayerNet.RELU);

  private Fc5Relu() {}
}
