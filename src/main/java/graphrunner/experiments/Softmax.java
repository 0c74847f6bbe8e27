package graphrunner.experiments;

import static graphrunner.graph.Init.zeros;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import java.util.List;

/**
 * Deck 003, "one layer fully-connected" ({@code mnist_1.0_softmax.py}):
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y = softmax(XX·W + b) [-1,10]     W [784,10], b [10], both zeros
 * </pre>
 */
public class Softmax extends Experiment {

  @Override
  protected Model define(Hyperparameters hp) {
    var X = images();
    var Y_ = labels();
    var XX = reshape(X, -1, 784);

    layer("softmax");
    var W = weights("W", zeros(), 784, 10);
    var b = biases("b", zeros(), 10);
    var Ylogits = add(matMul(XX, W), b);
    return classifier(X, Y_, Ylogits);
  }

  @Override
  public String id() {
    return "softmax";
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "83.13 %";
  }

  @Override
  public String title() {
    return "1-layer softmax regression, gradient descent";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(2000).batchSize(100)
        .learningRate(LearningRate.constant(0.003))
        .optimizer(Optimizer.gradientDescent())
        .build();
  }

  @Override
  public List<String> choices() {
    return List.of(
        "loss: mean(softmax_cross_entropy_with_logits) * 100, the same quantity as the slide's "
            + "-mean(Y_ * log(Y)) * 1000 but numerically stable",
        "learning rate 0.003 as on the slide (the original script used 0.005)",
        "2,000 updates: the slides' 2,001st update is never evaluated");
  }
}
