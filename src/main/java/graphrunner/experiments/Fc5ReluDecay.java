package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/**
 * Deck 003: 5-layer ReLU, Adam with decaying learning rate (slide: 89.49 % max test
 * accuracy). The graph is {@link FiveLayerNet}'s.
 */
public final class Fc5ReluDecay {

  public static final Experiment EXPERIMENT = Experiment.builder("fc5-relu-decay")
      .deck("003")
      .slideAccuracy("89.49 %")
      .title("5-layer ReLU, Adam with decaying learning rate")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
          .optimizer(Optimizer.adam())
          .build())
      .choices(FiveLayerNet.CHOICES)
      .graph(FiveLayerNet.RELU);

  private Fc5ReluDecay() {}
}
