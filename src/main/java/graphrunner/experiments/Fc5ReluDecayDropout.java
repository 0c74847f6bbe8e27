package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;

/** Deck 003: 5-layer ReLU, decaying learning rate, dropout pkeep 0.75 (slide: 88.2 % max test accuracy). The graph is {@link FiveLayerNet}'s. */
public final class Fc5ReluDecayDropout extends FiveLayerNet {

  public Fc5ReluDecayDropout() {
    super(true);
  }

  @Override
  public String id() {
    return "fc5-relu-decay-dropout";
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "88.2 %";
  }

  @Override
  public String title() {
    return "5-layer ReLU, decaying learning rate, dropout pkeep 0.75";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(10_000).batchSize(100)
        .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
        .optimizer(Optimizer.adam())
        .pkeep(0.75f)
        .build();
  }
}
