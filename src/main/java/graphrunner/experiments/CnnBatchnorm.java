package graphrunner.experiments;

import static graphrunner.graph.Init.constant;
import static graphrunner.graph.Init.truncatedNormal;

import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Optimizer;
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
public final class CnnBatchnorm extends Experiment {
  private static final int K = 24;
  private static final int L = 48;
  private static final int M = 64;
  private static final int N = 200;

  @Override
  protected Model define(Hyperparameters hp) {
    var X = images();
    var Y_ = labels();
    var pkeep = keepProbability(hp.pkeep());
    var isTraining = trainingSwitch();
    layer("conv1", "conv+bn");
    var W1 = weights("W1", truncatedNormal(0.1f), 6, 6, 1, K);
    var B1 = biases("B1", constant(0.1f), K);
    var Y1 = relu(batchNorm(conv2d(X, W1, 1), B1, true, isTraining));  // [-1, 28, 28, K]
    layer("conv2", "conv+bn");
    var W2 = weights("W2", truncatedNormal(0.1f), 5, 5, K, L);
    var B2 = biases("B2", constant(0.1f), L);
    var Y2 = relu(batchNorm(conv2d(Y1, W2, 2), B2, true, isTraining)); // [-1, 14, 14, L]
    layer("conv3", "conv+bn");
    var W3 = weights("W3", truncatedNormal(0.1f), 4, 4, L, M);
    var B3 = biases("B3", constant(0.1f), M);
    var Y3 = relu(batchNorm(conv2d(Y2, W3, 2), B3, true, isTraining)); // [-1, 7, 7, M]
    layer("fc4", "dense+bn");
    var YY = reshape(Y3, -1, 7 * 7 * M);                               // [-1, 3136]
    var W4 = weights("W4", truncatedNormal(0.1f), 7 * 7 * M, N);
    var B4 = biases("B4", constant(0.1f), N);
    var Y4 = dropout(relu(batchNorm(matMul(YY, W4), B4, false, isTraining)), pkeep); // [-1, N]
    layer("output");
    var W5 = weights("W5", truncatedNormal(0.1f), N, 10);
    var B5 = biases("B5", constant(0.1f), 10);
    var Ylogits = add(matMul(Y4, W5), B5);                             // [-1, 10]
    return classifier(X, Y_, Ylogits);
  }

  @Override
  public String id() {
    return "cnn-batchnorm";
  }

  @Override
  public String deck() {
    return "003";
  }

  @Override
  public String slideAccuracy() {
    return "93.14 %";
  }

  @Override
  public String title() {
    return "CNN (24, 48, 64 channels) + FC 200, batch norm everywhere, dropout 0.75 on FC";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(10_000).batchSize(100)
        .learningRate(LearningRate.exponentialDecay(0.0001, 0.02, 1600))
        .optimizer(Optimizer.adam())
        .pkeep(0.75f)
        .build();
  }

  @Override
  public boolean batchNormalised() {
    return true;
  }

  @Override
  public List<String> choices() {
    return List.of(
        "10,000 updates: the slides' 10,001st update is never evaluated",
        "batch norm: batch moments over [0,1,2] (conv) or [0] (FC), ε 1e-5, offset only, no scale",
        "moving averages start at 0, decay min(0.999, (1+i)/(10+i)) with i the update just done, "
            + "not bias-corrected, updated after each update on the same batch; used at test time",
        "is_training defaults to false: evaluation and serving use the moving averages",
        "dropout on the FC layer only (conv dropout off, as in the script's run)",
        "the output layer keeps an ordinary bias B5, constant 0.1");
  }
}
