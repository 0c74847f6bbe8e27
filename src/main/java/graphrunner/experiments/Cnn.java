package graphrunner.experiments;

import static graphrunner.graph.Init.constant;
import static graphrunner.graph.Init.truncatedNormal;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.List;

/**
 * Deck 003, "convolutional network" ({@code mnist_3.0_convolutional.py}): three SAME convolutions,
 * the last two of stride 2 instead of pooling, then a fully connected layer (slide: 90.91 %).
 *
 * <pre>
 * X  [-1,28,28,1]  conv 5×5×1→K  s1, relu  → Y1 [-1,28,28,K]     K = 4
 *                  conv 5×5×K→L  s2, relu  → Y2 [-1,14,14,L]     L = 8
 *                  conv 4×4×L→M  s2, relu  → Y3 [-1,7,7,M]       M = 12
 *                  reshape                 → YY [-1,7·7·M]
 *                  matMul, relu            → Y4 [-1,N]           N = 200
 *                  matMul                  → Ylogits [-1,10]     122,270 parameters
 * </pre>
 */
public final class Cnn {
  private static final int K = 4;
  private static final int L = 8;
  private static final int M = 12;
  private static final int N = 200;

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("cnn")
      .deck("003")
      .slideAccuracy("90.91 %")
      .title("3 convolutional layers (strides 1, 2, 2) + FC 200, Adam with decay")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
          .optimizer(Optimizer.adam())
          .build())
      .choices(ConvolutionalChoices.DECK_003)
      .convolutional(true)
      .graph(Cnn::graph);

  private Cnn() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    g.layer("conv1", "conv");
    var W1 = g.weights("W1", truncatedNormal(0.1f), 5, 5, 1, K);
    var B1 = g.biases("B1", constant(0.1f), K);
    var Y1 = g.relu(g.add(g.conv2d(X, W1, 1), B1));                       // [-1, 28, 28, K]
    g.layer("conv2", "conv");
    var W2 = g.weights("W2", truncatedNormal(0.1f), 5, 5, K, L);
    var B2 = g.biases("B2", constant(0.1f), L);
    var Y2 = g.relu(g.add(g.conv2d(Y1, W2, 2), B2));                      // [-1, 14, 14, L]
    g.layer("conv3", "conv");
    var W3 = g.weights("W3", truncatedNormal(0.1f), 4, 4, L, M);
    var B3 = g.biases("B3", constant(0.1f), M);
    var Y3 = g.relu(g.add(g.conv2d(Y2, W3, 2), B3));                      // [-1, 7, 7, M]
    g.layer("fc4");
    var YY = g.reshape(Y3, -1, 7 * 7 * M);                                // [-1, 588]
    var W4 = g.weights("W4", truncatedNormal(0.1f), 7 * 7 * M, N);
    var B4 = g.biases("B4", constant(0.1f), N);
    var Y4 = g.relu(g.add(g.matMul(YY, W4), B4));                         // [-1, N]
    g.layer("output");
    var W5 = g.weights("W5", truncatedNormal(0.1f), N, 10);
    var B5 = g.biases("B5", constant(0.1f), 10);
    var Ylogits = g.add(g.matMul(Y4, W5), B5);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits);
  }
}
