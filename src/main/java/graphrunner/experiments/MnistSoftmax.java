package graphrunner.experiments;

import java.util.List;

/**
 * Deck 004: softmax regression on MNIST digits (≈ 92 %), the graph and settings of deck 003's
 * {@link Softmax}:
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y = softmax(XX·W + b) [-1,10]     W [784,10], b [10], both zeros
 * </pre>
 */
public final class MnistSoftmax {

  public static final Experiment EXPERIMENT = Experiment.builder("mnist-softmax")
      .deck("004")
      .slideAccuracy("≈ 92 %")
      .title("softmax regression on MNIST digits, gradient descent")
      .datasetId("mnist")
      .defaults(Softmax.EXPERIMENT.defaults())
      .choices(List.of(
          "deck 003's softmax settings: 2,000 updates of batch 100, GD 0.003 on mean CE x100",
          "MNIST digits are read from --data-dir, $GRAPH_RUNNER_DATA/mnist or the download cache"))
      .graph(Softmax::graph);

  private MnistSoftmax() {}
}
