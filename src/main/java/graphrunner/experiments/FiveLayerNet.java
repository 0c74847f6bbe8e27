package graphrunner.experiments;

import static graphrunner.graph.Init.constant;
import static graphrunner.graph.Init.truncatedNormal;
import static graphrunner.graph.Init.zeros;

import graphrunner.graph.Init;
import graphrunner.graph.Model;
import graphrunner.graph.SlideGraph;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Deck 003's five-layer fully connected net, written out as its scripts write it
 * ({@code mnist_2.1_five_layers_relu.py} to {@code mnist_2.2_five_layers_relu_lrdecay_dropout.py}):
 *
 * <pre>
 * X  [-1,28,28,1] → XX [-1,784]          reshape
 * Y1 = act(XX·W1 + B1)  [-1,L]    W1 [784,L]     L = 200   (Y1d = dropout(Y1, pkeep) when on)
 * Y2 = act(Y1·W2 + B2)  [-1,M]    W2 [L,M]       M = 100
 * Y3 = act(Y2·W3 + B3)  [-1,N]    W3 [M,N]       N = 60
 * Y4 = act(Y3·W4 + B4)  [-1,O]    W4 [N,O]       O = 30
 * Ylogits = Y4·W5 + B5  [-1,10]   W5 [O,10]
 * </pre>
 *
 * Weights truncated normal (stddev 0.1); hidden biases 0.1 for ReLU (units start alive), 0 for
 * sigmoid; the output bias 0; loss {@code mean(cross_entropy) * 100}. The four fc5 experiments
 * differ only in the activation and in their settings.
 */
final class FiveLayerNet {
  private static final int L = 200;
  private static final int M = 100;
  private static final int N = 60;
  private static final int O = 30;

  /** Where the deck 003 scripts are silent. */
  static final List<String> CHOICES = List.of(
      "10,000 updates: the slides' 10,001st update is never evaluated",
      "output layer bias starts at 0 (hidden ReLU biases 0.1, sigmoid biases 0), as in the scripts",
      "dropout, when on, follows every hidden layer, inverted (kept units scaled by 1/pkeep)");

  /** ReLU hidden layers ({@code mnist_2.1} and after). */
  static final ModelGraph RELU = (g, hp) -> graph(g, hp, true);

  /** Sigmoid hidden layers ({@code mnist_2.0}). */
  static final ModelGraph SIGMOID = (g, hp) -> graph(g, hp, false);

  private FiveLayerNet() {}

  private static Model graph(SlideGraph g, Hyperparameters hp, boolean relu) {
    UnaryOperator<Operand<TFloat32>> act = relu ? g::relu : g::sigmoid;
    var X = g.images();
    var Y_ = g.labels();
    var pkeep = g.keepProbability(hp.pkeep());
    Init B = relu ? constant(0.1f) : zeros();
    var XX = g.reshape(X, -1, 784);

    g.layer("layer1");
    var W1 = g.weights("W1", truncatedNormal(0.1f), 784, L);
    var B1 = g.biases("B1", B, L);
    var Y1 = act.apply(g.add(g.matMul(XX, W1), B1));                // [-1, L]
    var Y1d = hp.dropout() ? g.dropout(Y1, pkeep) : Y1;
    g.layer("layer2");
    var W2 = g.weights("W2", truncatedNormal(0.1f), L, M);
    var B2 = g.biases("B2", B, M);
    var Y2 = act.apply(g.add(g.matMul(Y1d, W2), B2));               // [-1, M]
    var Y2d = hp.dropout() ? g.dropout(Y2, pkeep) : Y2;
    g.layer("layer3");
    var W3 = g.weights("W3", truncatedNormal(0.1f), M, N);
    var B3 = g.biases("B3", B, N);
    var Y3 = act.apply(g.add(g.matMul(Y2d, W3), B3));               // [-1, N]
    var Y3d = hp.dropout() ? g.dropout(Y3, pkeep) : Y3;
    g.layer("layer4");
    var W4 = g.weights("W4", truncatedNormal(0.1f), N, O);
    var B4 = g.biases("B4", B, O);
    var Y4 = act.apply(g.add(g.matMul(Y3d, W4), B4));               // [-1, O]
    var Y4d = hp.dropout() ? g.dropout(Y4, pkeep) : Y4;
    g.layer("layer5");
    var W5 = g.weights("W5", truncatedNormal(0.1f), O, 10);
    var B5 = g.biases("B5", zeros(), 10);
    var Ylogits = g.add(g.matMul(Y4d, W5), B5);                     // [-1, 10]
    return g.classifier(X, Y_, Ylogits);
  }
}
