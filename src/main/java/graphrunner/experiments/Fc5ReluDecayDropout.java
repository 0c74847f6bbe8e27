package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/**
 * Deck 003: 5-layer ReLU, decaying learning rate, dropout pkeep 0.75 (slide: 88.2 % max test
 * accuracy). The graph is {@link FiveLayerNet}'s.
 */
public final class Fc5ReluDecayDropout {

  public static final Experiment EXPERIMENT = Experiment.builder("fc5-relu-decay-dropout")
      .deck("003")
      .slideAccuracy("88.2 %")
      .title("5-layer ReLU, decaying learning rate, dropout pkeep 0.75")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
          .optimizer(Optimizer.adam())
          .pkeep(0.75f)
          .build())
      .choices(FiveLayerNet.CHOICES)
      .graph(FiveLayerNet.RELU);

  private Fc5ReluDecayDropout() {}
}
