package graphrunner.sweep;

import graphrunner.experiments.Experiment;
import graphrunner.experiments.FullyConnectedLadder;
import graphrunner.experiments.FullyConnectedLadder.Activation;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;
import java.util.List;

/**
 * The cells of deck 003's "comparing accuracy rates" slide: the fully connected ReLU ladder with
 * dropout 0.75 after each hidden layer, of a given depth, trained with Adam and the rate decaying
 * from {@code lrMax} towards 0.0001 over 2,000 steps. Not in the catalogue: {@link DepthRateSweep}
 * trains them, {@link SweepTable} sets them out beside the slide's numbers.
 *
 * <pre>
 * 3 layers: 784-200-100-10     5 layers: 784-200-100-60-30-10     7 layers: 784-200-100-60-30-20-15-10
 * </pre>
 */
public final class DepthSweepNet {
  /** The depths of the slide's columns; the 3- and 7-layer widths are our choice. */
  public static final List<long[]> DEPTHS = List.of(
      new long[] {784, 200, 100, 10},
      new long[] {784, 200, 100, 60, 30, 10},
      new long[] {784, 200, 100, 60, 30, 20, 15, 10});
  /** The decay starts of the slide's rows, each decaying to 0.0001. */
  public static final List<Double> DECAY_STARTS = List.of(0.03, 0.003, 0.0003);
  /** The slide's max test accuracies, rows by decay start, columns by depth (3, 5, 7 layers). */
  static final double[][] SLIDE = {
      {0.814, 0.7706, 0.1116},
      {0.8832, 0.882, 0.8886},
      {0.8692, 0.8731, 0.8891}};

  private DepthSweepNet() {}

  /** The cell of the ladder {@code widths} with the rate decaying from {@code lrMax}. */
  public static Experiment of(long[] widths, double lrMax) {
    var ladder = FullyConnectedLadder.of(Activation.RELU, widths);
    return Experiment.builder("sweep-" + ladder.layers() + "-layers-" + lrMax)
        .deck("003")
        .slideAccuracy("see the sweep table")
        .title(ladder.architecture() + " + dropout 0.75, Adam " + lrMax + " → 0.0001")
        .defaults(Hyperparameters.builder()
            .steps(10_000).batchSize(100)
            .learningRate(LearningRate.exponentialDecay(0.0001, lrMax, 2000))
            .optimizer(Optimizer.adam())
            .pkeep(0.75f)
            .build())
        .choices(List.of("3 and 7 layers: 784-200-100-10 and 784-200-100-60-30-20-15-10 (the "
            + "slides do not give them)"))
        .graph(ladder);
  }
}
