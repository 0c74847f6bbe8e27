package graphrunner.experiments;

import graphrunner.experiments.FullyConnectedLadder.Activation;
import graphrunner.graph.Init;
import graphrunner.graph.LearningRate;
import graphrunner.graph.Optimizer;
import java.util.List;

/**
 * Decks 000/001 (IME-USP "Primeiros passos"), the deep feed-forward network of the tutorial
 * notebook (MLIME/12aMostra): 784-128-128-128-10 ReLU, softmax, plain SGD 0.01 on the mean
 * cross-entropy, batch 32, 2 epochs; the notebook recorded 0.82 test accuracy.
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y1 [-1,128] → Y2 [-1,128] → Y3 [-1,128] → Ylogits [-1,10]
 * </pre>
 */
public final class Dfn {

  public static final Experiment EXPERIMENT = Experiment.builder("dfn")
      .deck("000/001")
      .slideAccuracy("0.82 (notebook)")
      .title("deep feed-forward net 784-128-128-128-10 ReLU, plain SGD")
      // 2 epochs of 60,000 images in batches of 32
      .defaults(Hyperparameters.builder()
          .steps(3_750).batchSize(32)
          .learningRate(LearningRate.constant(0.01))
          .optimizer(Optimizer.gradientDescent())
          .build())
      .choices(List.of(
          "Keras defaults as in the notebook: Glorot-uniform weights, zero biases",
          "loss: mean cross-entropy (not x100), as Keras computes it",
          "dropout, the deck's regulariser, is off unless --pkeep is given (after each hidden "
              + "layer)"))
      .graph(FullyConnectedLadder.of(Activation.RELU, 784, 128, 128, 128, 10)
          .asKeras(Init.glorotUniform()));

  private Dfn() {}
}
