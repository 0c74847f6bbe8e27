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
 * Decks 000/001 (IME-USP), the tutorial notebook's CNN (MLIME/12aMostra, Keras): the notebook
 * recorded 0.80 test accuracy.
 *
 * <pre>
 * X  [-1,28,28,1]  conv 3×3×1→K VALID, relu  → Y1 [-1,26,26,K]    K = 32
 *                  max-pool 2×2 VALID        → P1 [-1,13,13,K]
 *                  conv 3×3×K→K VALID, relu  → Y2 [-1,11,11,K]
 *                  max-pool 2×2 VALID        → P2 [-1,5,5,K]
 *                  dropout 0.25 (pkeep_conv 0.75), flatten → YY [-1,800]
 *                  dense, relu, dropout 0.5 (pkeep 0.5)    → Y3 [-1,N]    N = 256
 *                  dense                     → Ylogits [-1,10]    217,194 parameters
 * </pre>
 */
public final class ImeCnn {
  private static final int K = 32;
  private static final int N = 256;
  /** Keras' Dropout(0.25) after the convolutions: a fixed rate, unlike the dense one (--pkeep). */
  private static final float PKEEP_CONV = 0.75f;

  /** What the experiment is; {@link #graph} builds it. */
  public static final Experiment EXPERIMENT = Experiment.builder("ime-cnn")
      .deck("000/001")
      .slideAccuracy("0.80 (notebook)")
      .title("notebook CNN: 2 × (conv 3×3×32, max-pool 2), dropout, dense 256, dropout; plain SGD")
      // 2 epochs of 60,000 images in batches of 32
      .defaults(Hyperparameters.builder()
          .steps(3_750).batchSize(32)
          .learningRate(LearningRate.constant(0.01))
          .optimizer(Optimizer.gradientDescent())
          .pkeep(0.5f)
          .build())
      .choices(List.of(
          "Keras defaults: VALID padding (28→26→13→11→5), Glorot-uniform weights, zero biases",
          "ReLU on both convolutions, as in the notebook",
          "two dropout knobs: pkeep_conv 0.75 (Dropout 0.25, fixed) and pkeep 0.5 (Dropout 0.5, "
              + "--pkeep); both default to 1 at test and serving",
          "loss: mean cross-entropy (not x100), as Keras computes it"))
      .convolutional(true)
      .graph(ImeCnn::graph);

  private ImeCnn() {}

  /** The graph, as on the slide. */
  static Model graph(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    var pkeepConv = g.keepProbability("pkeep_conv", PKEEP_CONV);
    var pkeep = g.keepProbability(hp.pkeep());
    g.layer("conv1", "conv");
    var W1 = g.weights("W1", glorotUniform(), 3, 3, 1, K);
    var B1 = g.biases("B1", zeros(), K);
    var Y1 = g.relu(g.add(g.conv2d(X, W1, 1, "VALID"), B1));              // [-1, 26, 26, K]
    g.layer("pool1", "max-pool");
    var P1 = g.maxPool(Y1, 2, 2, "VALID");                                // [-1, 13, 13, K]
    g.layer("conv2", "conv");
    var W2 = g.weights("W2", glorotUniform(), 3, 3, K, K);
    var B2 = g.biases("B2", zeros(), K);
    var Y2 = g.relu(g.add(g.conv2d(P1, W2, 1, "VALID"), B2));             // [-1, 11, 11, K]
    g.layer("pool2", "max-pool");
    var P2 = g.dropout(g.maxPool(Y2, 2, 2, "VALID"), pkeepConv);          // [-1, 5, 5, K]
    g.layer("dense3");
    var YY = g.reshape(P2, -1, 5 * 5 * K);                                // [-1, 800]
    var W3 = g.weights("W3", glorotUniform(), 5 * 5 * K, N);
    var B3 = g.biases("B3", zeros(), N);
    var Y3 = g.dropout(g.relu(g.add(g.matMul(YY, W3), B3)), pkeep);       // [-1, N]
    g.layer("output");
    var W4 = g.weights("W4", glorotUniform(), N, 10);
    var B4 = g.biases("B4", zeros(), 10);
    var Ylogits = g.add(g.matMul(Y3, W4), B4);                            // [-1, 10]
    return g.classifier(X, Y_, Ylogits, LossScale.MEAN);
  }
}
