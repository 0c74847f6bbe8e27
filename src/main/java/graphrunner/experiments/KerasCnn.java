package graphrunner.experiments;

import static graphrunner.graph.Init.glorotUniform;
import static graphrunner.graph.Init.zeros;

import graphrunner.graph.LearningRate;
import graphrunner.graph.LossScale;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.List;

/**
 * Deck 002, the Keras CNN on Fashion-MNIST: {@code Sequential([Conv2D(32, 2, padding='same',
 * activation='relu'), MaxPooling2D(2, padding='same'), Conv2D(64, 2, ...), MaxPooling2D(...),
 * Flatten(), Dense(128, activation='relu'), Dense(10, activation='softmax')])}.
 *
 * <pre>
 * X  [-1,28,28,1]  conv 2×2×1→K SAME, relu   → Y1 [-1,28,28,K]    K = 32      160
 *                  max-pool 2×2 SAME         → P1 [-1,14,14,K]
 *                  conv 2×2×K→L SAME, relu   → Y2 [-1,14,14,L]    L = 64    8,256
 *                  max-pool 2×2 SAME         → P2 [-1,7,7,L]
 *                  flatten                   → YY [-1,7·7·L]
 *                  dense, relu               → Y3 [-1,N]          N = 128 401,536
 *                  dense                     → Ylogits [-1,10]              1,290
 * </pre>
 */
public final class KerasCnn {
  private static final int K = 32;
  private static final int L = 64;
  private static final int N = 128;

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("keras-cnn")
      .deck("002")
      .slideAccuracy("-")
      .title("Keras CNN: conv 32, pool, conv 64, pool, dense 128, 10; Adam 0.001, 10 epochs")
      // 10 epochs of 60,000 images in batches of 200
      .defaults(Hyperparameters.builder()
          .steps(3_000).batchSize(200)
          .learningRate(LearningRate.constant(0.001))
          .optimizer(Optimizer.adam().withEpsilon(Optimizer.Adam.KERAS_EPSILON))
          .build())
      .reportsClassification(true)
      .choices(List.of(
          "Keras defaults: Glorot-uniform weights, zero biases, Adam ε 1e-7",
          "loss: mean categorical cross-entropy (not x100), as Keras computes it",
          "3,000 updates = 10 epochs of batch 200; the test set is evaluated every 100 steps "
              + "(Keras evaluates once, after training: compare the final accuracy)",
          "after training: test loss/accuracy, confusion matrix, per-class precision/recall/F1, "
              + "micro F1 and the prediction for training sample #5 (0-based index 5)"))
      .convolutional(true)
      .fasterInBfloat16(true)
      .graph(KerasCnn::graph);

  private KerasCnn() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    g.layer("conv1", "conv");
    var W1 = g.weights("W1", glorotUniform(), 2, 2, 1, K);
    var B1 = g.biases("B1", zeros(), K);
    var Y1 = g.relu(g.add(g.conv2d(X, W1, 1), B1));                       // [-1, 28, 28, K]
    g.layer("pool1", "max-pool");
    var P1 = g.maxPool(Y1, 2, 2, "SAME");                                 // [-1, 14, 14, K]
    g.layer("conv2", "conv");
    var W2 = g.weights("W2", glorotUniform(), 2, 2, K, L);
    var B2 = g.biases("B2", zeros(), L);
    var Y2 = g.relu(g.add(g.conv2d(P1, W2, 1), B2));                      // [-1, 14, 14, L]
    g.layer("pool2", "max-pool");
    var P2 = g.maxPool(Y2, 2, 2, "SAME");                                 // [-1, 7, 7, L]
    g.layer("dense3");
    var YY = g.reshape(P2, -1, 7 * 7 * L);                                // [-1, 3136]
    var W3 = g.weights("W3", glorotUniform(), 7 * 7 * L, N);
    var B3 = g.biases("B3", zeros(), N);
    var Y3 = g.relu(g.add(g.matMul(YY, W3), B3));                         // [-1, N]
    g.layer("output");
    var W4 = g.weights("W4", glorotUniform(), N, 10);
    var B4 = g.biases("B4", zeros(), 10);
    var Ylogits = g.add(g.matMul(Y3, W4), B4);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits, LossScale.MEAN);
  }
}
