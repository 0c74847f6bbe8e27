package graphrunner.experiments;

import static graphrunner.graph.Init.truncatedNormal;

import graphrunner.graph.Init;
import graphrunner.graph.LossScale;
import graphrunner.graph.Model;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A fully connected ladder of any depth, built by a loop: the generated families (the depth
 * sweep's 3-, 5- and 7-layer nets, the IME deck's DFN), not the slide's showcase, which
 * {@link FiveLayerNet} writes out line by line. Weights truncated normal (stddev 0.1), then per
 * layer {@code Yi = act(matMul(Yi-1, Wi) + Bi)}, optionally followed by dropout, and plain logits
 * out of the last layer:
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y1 [-1,200] → Y2 [-1,100] → Y3 [-1,60] → Y4 [-1,30] → Ylogits [-1,10]
 * </pre>
 */
public abstract class FullyConnectedExperiment extends Experiment {

  /** Which non-linearity the hidden layers use. */
  protected enum Activation { SIGMOID, RELU }

  private final long[] widths;
  private final Activation activation;

  protected FullyConnectedExperiment(Activation activation, long... widths) {
    this.activation = activation;
    this.widths = widths.clone();
  }

  /** 784-200-100-60-30-10, the five-layer net of the slides. */
  protected static final long[] FIVE_LAYERS = {784, 200, 100, 60, 30, 10};

  @Override
  protected Model define(Hyperparameters hp) {
    var X = images();
    var Y_ = labels();
    var pkeep = keepProbability(hp.pkeep());
    int last = widths.length - 1;

    Operand<TFloat32> Y = reshape(X, -1, 784);                       // XX
    for (int i = 1; i <= last; i++) {
      layer("layer" + i);
      var W = weights("W" + i, weightInit(), widths[i - 1], widths[i]);
      var B = biases("B" + i, i == last ? outputBias() : hiddenBias(), widths[i]);
      var Z = add(matMul(Y, W), B);
      Y = i == last ? Z : activate(Z);                                  // Yi, or Ylogits
      if (i < last && hp.dropout()) {
        Y = dropout(Y, pkeep);
      }
    }
    return classifier(X, Y_, Y, lossScale());
  }

  /** The Görner scripts: truncated normal, stddev 0.1. */
  protected Init weightInit() {
    return truncatedNormal(0.1f);
  }

  /** {@code mean(cross_entropy) * 100}: "normalised for batches of 100 images". */
  protected LossScale lossScale() {
    return LossScale.PER_100_IMAGES;
  }

  private Operand<TFloat32> activate(Operand<TFloat32> z) {
    return activation == Activation.RELU ? relu(z) : sigmoid(z);
  }

  /** ReLU nets start their biases at 0.1 so units are alive; sigmoid nets at 0. */
  protected Init hiddenBias() {
    return activation == Activation.RELU ? Init.constant(0.1f) : Init.zeros();
  }

  /** The output layer's bias is 0 in the fully connected scripts. */
  protected Init outputBias() {
    return Init.zeros();
  }

  protected String architecture() {
    return Arrays.stream(widths).mapToObj(Long::toString).collect(Collectors.joining("-"))
        + " " + activation.name().toLowerCase();
  }
}
