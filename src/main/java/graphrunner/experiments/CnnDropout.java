package graphrunner.experiments;

import static graphrunner.graph.Init.constant;
import static graphrunner.graph.Init.truncatedNormal;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.stream.Stream;

/**
 * Deck 003, "bigger convolutional network + dropout" ({@code mnist_3.1_convolutional_bigger_dropout.py};
 * slide: 91.16 %).
 *
 * <pre>
 * X  [-1,28,28,1]  conv 6×6×1→K  s1, relu  → Y1 [-1,28,28,K]     K = 6
 *                  conv 5×5×K→L  s2, relu  → Y2 [-1,14,14,L]     L = 12
 *                  conv 4×4×L→M  s2, relu  → Y3 [-1,7,7,M]       M = 24
 *                  reshape                 → YY [-1,7·7·M]
 *                  matMul, relu, dropout   → Y4 [-1,N]           N = 200, pkeep 0.75
 *                  matMul                  → Ylogits [-1,10]     244,076 parameters
 * </pre>
 */
public final class CnnDropout {
  private static final int K = 6;
  private static final int L = 12;
  private static final int M = 24;
  private static final int N = 200;

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("cnn-dropout")
      .deck("003")
      .slideAccuracy("91.16 %")
      .title("bigger CNN (6, 12, 24 channels) + FC 200 with dropout 0.75, Adam with decay")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.exponentialDecay(0.0001, 0.003, 2000))
          .optimizer(Optimizer.adam())
          .pkeep(0.75f)
          .build())
      .choices(Stream.concat(ConvolutionalChoices.DECK_003.stream(),
          Stream.of("dropout on the FC layer only (inverted, kept units scaled by 1/pkeep)"))
          .toList())
      .convolutional(true)
      .graph(CnnDropout::graph);

  private CnnDropout() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    var pkeep = g.keepProbability(hp.pkeep());
    g.layer("conv1", "conv");
    var W1 = g.weights("W1", truncatedNormal(0.1f), 6, 6, 1, K);
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
    var YY = g.reshape(Y3, -1, 7 * 7 * M);                                // [-1, 1176]
    var W4 = g.weights("W4", truncatedNormal(0.1f), 7 * 7 * M, N);
    var B4 = g.biases("B4", constant(0.1f), N);
    var Y4 = g.dropout(g.relu(g.add(g.matMul(YY, W4), B4)), pkeep);       // [-1, N]
    g.layer("output");
    var W5 = g.weights("W5", truncatedNormal(0.1f), N, 10);
    var B5 = g.biases("B5", constant(0.1f), 10);
    var Ylogits = g.add(g.matMul(Y4, W5), B5);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits);
  }
}
