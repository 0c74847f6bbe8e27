package graphrunner.experiments;

import static graphrunner.graph.Init.zeros;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.List;

/**
 * Deck 003, "one layer fully-connected" ({@code mnist_1.0_softmax.py}):
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y = softmax(XX·W + b) [-1,10]     W [784,10], b [10], both zeros
 * </pre>
 */
public final class Softmax {

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("softmax")
      .deck("003")
      .slideAccuracy("83.13 %")
      .title("1-layer softmax regression, gradient descent")
      .defaults(Hyperparameters.builder()
          .steps(2000).batchSize(100)
          .learningRate(LearningRate.constant(0.003))
          .optimizer(Optimizer.gradientDescent())
          .build())
      .choices(List.of(
          "loss: mean(softmax_cross_entropy_with_logits) * 100, the same quantity as the slide's "
              + "-mean(Y_ * log(Y)) * 1000 but numerically stable",
          "learning rate 0.003 as on the slide (the original script used 0.005)",
          "2,000 updates: the slides' 2,001st update is never evaluated"))
      .graph(Softmax::graph);

  private Softmax() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    var XX = g.reshape(X, -1, 784);

    g.layer("softmax");
    var W = g.weights("W", zeros(), 784, 10);
    var b = g.biases("b", zeros(), 10);
    var Ylogits = g.add(g.matMul(XX, W), b);
    return g.classifier(X, Y_, Ylogits);
  }
}
