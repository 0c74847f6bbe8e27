package graphrunner.experiments;

import static graphrunner.graph.Init.zeros;

import graphrunner.graph.Init;
import graphrunner.graph.LearningRate;
import graphrunner.graph.LossScale;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
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
public final class MnistCnn extends Experiment {
  private static final int K = 32;
  private static final int L = 64;
  private static final int N = 1024;
  private static final Map<String, Init> INITS = initialisers();

  @Override
  protected Model define(Hyperparameters hp) {
    var X = images();
    var Y_ = labels();
    Init init = chosenInit(hp);
    layer("conv1", "conv");
    var W1 = weights("W1", init, 5, 5, 1, K);
    var B1 = biases("B1", zeros(), K);
    var Y1 = relu(add(conv2d(X, W1, 1), B1));                          // [-1, 28, 28, K]
    layer("pool1", "max-pool");
    var P1 = maxPool(Y1, 2, 2, "SAME");                                // [-1, 14, 14, K]
    layer("conv2", "conv");
    var W2 = weights("W2", init, 5, 5, K, L);
    var B2 = biases("B2", zeros(), L);
    var Y2 = relu(add(conv2d(P1, W2, 1), B2));                         // [-1, 14, 14, L]
    layer("pool2", "max-pool");
    var P2 = maxPool(Y2, 2, 2, "SAME");                                // [-1, 7, 7, L]
    layer("fc3");
    var YY = reshape(P2, -1, 7 * 7 * L);                               // [-1, 3136]
    var W3 = weights("W3", init, 7 * 7 * L, N);
    var B3 = biases("B3", zeros(), N);
    var Y3 = relu(add(matMul(YY, W3), B3));                            // [-1, N]
    layer("output");
    var W4 = weights("W4", init, N, 10);
    var B4 = biases("B4", zeros(), 10);
    var Ylogits = add(matMul(Y3, W4), B4);                             // [-1, 10]
    return classifier(X, Y_, Ylogits, LossScale.MEAN);
  }

  private static Map<String, Init> initialisers() {
    Map<String, Init> inits = new LinkedHashMap<>();
    inits.put("normal", Init.normal(0.05f));
    inits.put("xavier", Init.glorotUniform());
    inits.put("msra", Init.he());
    return Collections.unmodifiableMap(inits);
  }

  @Override
  public Map<String, Init> initChoices() {
    return INITS;
  }

  @Override
  public String id() {
    return "mnist-cnn";
  }

  @Override
  public String deck() {
    return "004";
  }

  @Override
  public String datasetId() {
    return "mnist";
  }

  @Override
  public String slideAccuracy() {
    return "-";
  }

  @Override
  public String title() {
    return "CNN 32-64 (5×5, max-pool 2) + FC 1024 on MNIST, SGD momentum 0.9, --init";
  }

  @Override
  public Hyperparameters defaults() {
    // 5 epochs of 60,000 images in batches of 100
    return Hyperparameters.builder()
        .steps(3_000).batchSize(100)
        .learningRate(LearningRate.constant(0.01))
        .optimizer(Optimizer.momentum(0.9))
        .init("normal")
        .build();
  }

  @Override
  public List<String> choices() {
    return List.of(
        "conv 5×5 SAME stride 1, max-pool 2×2 stride 2 SAME, FC 1024 ReLU, 10 (the deck's "
            + "sizes are not given; these are TensorFlow's classic MNIST tutorial's)",
        "SGD lr 0.01 momentum 0.9, batch 100, 5 epochs = 3,000 updates; biases 0",
        "--init normal = normal(0, 0.05) (default), xavier = Glorot uniform, msra = He normal",
        "loss: mean cross-entropy (not x100); no dropout");
  }
}
