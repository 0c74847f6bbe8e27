package graphrunner.experiments;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;
import java.util.List;

/**
 * One cell of deck 003's "comparing accuracy rates" slide: the fully connected ReLU ladder with
 * dropout 0.75 after each hidden layer, of a given depth, trained with Adam and the rate decaying
 * from {@code lrMax} towards 0.0001 over 2,000 steps. Not in the catalogue: the sweep builds them.
 *
 * <pre>
 * 3 layers: 784-200-100-10     5 layers: 784-200-100-60-30-10     7 layers: 784-200-100-60-30-20-15-10
 * </pre>
 */
public final class DepthSweepNet extends FullyConnectedExperiment {
  /** The depths of the slide's columns; the 3- and 7-layer widths are our choice. */
  public static final List<long[]> DEPTHS = List.of(
      new long[] {784, 200, 100, 10},
      FIVE_LAYERS,
      new long[] {784, 200, 100, 60, 30, 20, 15, 10});
  /** The decay starts of the slide's rows, each decaying to 0.0001. */
  public static final List<Double> DECAY_STARTS = List.of(0.03, 0.003, 0.0003);

  private final int layers;
  private final double lrMax;

  public DepthSweepNet(long[] widths, double lrMax) {
    super(Activation.RELU, widths);
    this.layers = widths.length - 1;
    this.lrMax = lrMax;
  }

  public int layers() {
    return layers;
  }

  public double lrMax() {
    return lrMax;
  }

  @Override
  public String id() {
    return "sweep-" + layers + "-layers-" + lrMax;
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "see the sweep table";
  }

  @Override
  public String title() {
    return architecture() + " + dropout 0.75, Adam " + lrMax + " → 0.0001";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(10_000).batchSize(100)
        .learningRate(LearningRate.exponentialDecay(0.0001, lrMax, 2000))
        .optimizer(Optimizer.adam())
        .pkeep(0.75f)
        .build();
  }

  @Override
  public List<String> choices() {
    return List.of("3 and 7 layers: 784-200-100-10 and 784-200-100-60-30-20-15-10 (the slides "
        + "do not give them)");
  }
}
