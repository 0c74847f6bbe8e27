package graphrunner.experiments;

import static graphrunner.graph.Init.zeros;

import graphrunner.graph.Init;
import graphrunner.graph.LearningRate;
import graphrunner.graph.LossScale;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
import graphrunner.graph.SlideGraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deck 004: conv → ReLU → pool blocks, then FC + softmax on MNIST digits, SGD with momentum; the
 * deck compares weight initialisers, so {@code --init} picks one.
 *
 * <pre>
 * X  [-1,28,28,1]  conv 5×5×1→K SAME, relu  → Y1 [-1,28,28,K]    K = 32
 *                  max-pool 2×2 s2          → P1 [-1,14,14,K]
 *                  conv 5×5×K→L SAME, relu  → Y2 [-1,14,14,L]    L = 64
 *                  max-pool 2×2 s2          → P2 [-1,7,7,L]
 *                  reshape, matMul, relu    → Y3 [-1,N]          N = 1024
 *                  matMul                   → Ylogits [-1,10]    3,274,634 parameters
 * </pre>
 */
public final class MnistCnn {
  private static final int K = 32;
  private static final int L = 64;
  private static final int N = 1024;
  private static final Map<String, Init> INITS = initialisers();

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("mnist-cnn")
      .deck("004")
      .slideAccuracy("-")
      .title("CNN 32-64 (5×5, max-pool 2) + FC 1024 on MNIST, SGD momentum 0.9, --init")
      .datasetId("mnist")
      // 5 epochs of 60,000 images in batches of 100
      .defaults(Hyperparameters.builder()
          .steps(3_000).batchSize(100)
          .learningRate(LearningRate.constant(0.01))
          .optimizer(Optimizer.momentum(0.9))
          .init("normal")
          .build())
      .initChoices(INITS)
      .choices(List.of(
          "conv 5×5 SAME stride 1, max-pool 2×2 stride 2 SAME, FC 1024 ReLU, 10 (the deck's "
              + "sizes are not given; these are TensorFlow's classic MNIST tutorial's)",
          "SGD lr 0.01 momentum 0.9, batch 100, 5 epochs = 3,000 updates; biases 0",
          "--init normal = normal(0, 0.05) (default), xavier = Glorot uniform, msra = He normal",
          "loss: mean cross-entropy (not x100); no dropout"))
      .convolutional(true)
      .fasterInBfloat16(true)
      .graph(MnistCnn::graph);

  private MnistCnn() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    Init init = Experiment.chosen(INITS, hp);
    g.layer("conv1", "conv");
    var W1 = g.weights("W1", init, 5, 5, 1, K);
    var B1 = g.biases("B1", zeros(), K);
    var Y1 = g.relu(g.add(g.conv2d(X, W1, 1), B1));                       // [-1, 28, 28, K]
    g.layer("pool1", "max-pool");
    var P1 = g.maxPool(Y1, 2, 2, "SAME");                                 // [-1, 14, 14, K]
    g.layer("conv2", "conv");
    var W2 = g.weights("W2", init, 5, 5, K, L);
    var B2 = g.biases("B2", zeros(), L);
    var Y2 = g.relu(g.add(g.conv2d(P1, W2, 1), B2));                      // [-1, 14, 14, L]
    g.layer("pool2", "max-pool");
    var P2 = g.maxPool(Y2, 2, 2, "SAME");                                 // [-1, 7, 7, L]
    g.layer("fc3");
    var YY = g.reshape(P2, -1, 7 * 7 * L);                                // [-1, 3136]
    var W3 = g.weights("W3", init, 7 * 7 * L, N);
    var B3 = g.biases("B3", zeros(), N);
    var Y3 = g.relu(g.add(g.matMul(YY, W3), B3));                         // [-1, N]
    g.layer("output");
    var W4 = g.weights("W4", init, N, 10);
    var B4 = g.biases("B4", zeros(), 10);
    var Ylogits = g.add(g.matMul(Y3, W4), B4);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits, LossScale.MEAN);
  }

  private static Map<String, Init> initialisers() {
    Map<String, Init> inits = new LinkedHashMap<>();
    inits.put("normal", Init.normal(0.05f));
    inits.put("xavier", Init.glorotUniform());
    inits.put("msra", Init.he());
    return Collections.unmodifiableMap(inits);
  }
}
