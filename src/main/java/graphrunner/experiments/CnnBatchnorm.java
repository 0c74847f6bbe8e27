package graphrunner.experiments;

import static graphrunner.graph.Init.constant;
import static graphrunner.graph.Init.truncatedNormal;

import graphrunner.graph.BatchNormUpdate;
import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.List;

/**
 * Deck 003, "batch normalisation" ({@code mnist_4.2_batchnorm_convolutional.py}; slide: 93.14 %).
 * Each layer's 0.1 "biases" become the batch norm offsets; no scale, since ReLU follows.
 *
 * <pre>
 * X  [-1,28,28,1]  conv 6×6×1→K  s1, bn, relu    → Y1 [-1,28,28,K]     K = 24
 *                  conv 5×5×K→L  s2, bn, relu    → Y2 [-1,14,14,L]     L = 48
 *                  conv 4×4×L→M  s2, bn, relu    → Y3 [-1,7,7,M]       M = 64
 *                  reshape                       → YY [-1,7·7·M]
 *                  matMul, bn, relu, dropout     → Y4 [-1,N]           N = 200, pkeep 0.75
 *                  matMul                        → Ylogits [-1,10]
 * 708,362 parameters + 672 moving averages (mean and variance of 24 + 48 + 64 + 200 channels)
 * </pre>
 */
public final class CnnBatchnorm {
  private static final int K = 24;
  private static final int L = 48;
  private static final int M = 64;
  private static final int N = 200;

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("cnn-batchnorm")
      .deck("003")
      .slideAccuracy("93.14 %")
      .title("CNN (24, 48, 64 channels) + FC 200, batch norm everywhere, dropout 0.75 on FC")
      .defaults(Hyperparameters.builder()
          .steps(10_000).batchSize(100)
          .learningRate(LearningRate.exponentialDecay(0.0001, 0.02, 1600))
          .optimizer(Optimizer.adam())
          .pkeep(0.75f)
          .batchNorm(BatchNormUpdate.ONE_PASS)
          .build())
      .batchNormalised(true)
      .choices(List.of(
          "10,000 updates: the slides' 10,001st update is never evaluated",
          "batch norm: batch moments over [0,1,2] (conv) or [0] (FC), ε 1e-5, offset only, no scale",
          "moving averages start at 0, decay min(0.999, (1+i)/(10+i)) with i the update's index, "
              + "not bias-corrected; used at test time",
          "moving averages updated within each update from the moments its forward pass computed "
              + "(Keras' one pass), not in the script's second pass after it (--batch-norm two-pass): "
              + "seeds 1 and 2 at 1,000 steps gave the same test accuracy either way (0.8792/0.8793, "
              + "0.8901/0.8905), and one pass saves a forward pass per step",
          "is_training defaults to false: evaluation and serving use the moving averages",
          "dropout on the FC layer only (conv dropout off, as in the script's run)",
          "the output layer keeps an ordinary bias B5, constant 0.1"))
      .convolutional(true)
      .fasterInBfloat16(true)
      .graph(CnnBatchnorm::graph);

  private CnnBatchnorm() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    var pkeep = g.keepProbability(hp.pkeep());
    var isTraining = g.trainingSwitch();
    g.layer("conv1", "conv+bn");
    var W1 = g.weights("W1", truncatedNormal(0.1f), 6, 6, 1, K);
    var B1 = g.biases("B1", constant(0.1f), K);
    var Y1 = g.relu(g.batchNorm(g.conv2d(X, W1, 1), B1, true, isTraining)); // [-1, 28, 28, K]
    g.layer("conv2", "conv+bn");
    var W2 = g.weights("W2", truncatedNormal(0.1f), 5, 5, K, L);
    var B2 = g.biases("B2", constant(0.1f), L);
    var Y2 = g.relu(g.batchNorm(g.conv2d(Y1, W2, 2), B2, true, isTraining)); // [-1, 14, 14, L]
    g.layer("conv3", "conv+bn");
    var W3 = g.weights("W3", truncatedNormal(0.1f), 4, 4, L, M);
    var B3 = g.biases("B3", constant(0.1f), M);
    var Y3 = g.relu(g.batchNorm(g.conv2d(Y2, W3, 2), B3, true, isTraining)); // [-1, 7, 7, M]
    g.layer("fc4", "dense+bn");
    var YY = g.reshape(Y3, -1, 7 * 7 * M);                                // [-1, 3136]
    var W4 = g.weights("W4", truncatedNormal(0.1f), 7 * 7 * M, N);
    var B4 = g.biases("B4", constant(0.1f), N);
    var Y4 = g.dropout(g.relu(g.batchNorm(g.matMul(YY, W4), B4, false, isTraining)),
        pkeep);                                                           // [-1, N]
    g.layer("output");
    var W5 = g.weights("W5", truncatedNormal(0.1f), N, 10);
    var B5 = g.biases("B5", constant(0.1f), 10);
    var Ylogits = g.add(g.matMul(Y4, W5), B5);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits);
  }
}
