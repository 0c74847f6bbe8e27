package graphrunner.experiments;

import graphrunner.graph.Init;
import graphrunner.graph.LossScale;
import graphrunner.graph.Model;
import graphrunner.graph.SlideGraph;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A fully connected ladder of any depth, built by a loop: the generated families (the depth
 * sweep's 3-, 5- and 7-layer nets, the IME deck's DFN), not the slide's showcase, which
 * {@link FiveLayerNet} writes out line by line. Per layer {@code Yi = act(matMul(Yi-1, Wi) + Bi)},
 * optionally followed by dropout, and plain logits out of the last layer:
 *
 * <pre>
 * X [-1,28,28,1] → XX [-1,784] → Y1 [-1,200] → Y2 [-1,100] → Y3 [-1,60] → Y4 [-1,30]
 *   → Ylogits [-1,10]
 * </pre>
 *
 * By default as the Görner scripts: weights truncated normal (stddev 0.1), ReLU biases 0.1
 * (units start alive), sigmoid biases 0, output bias 0, loss {@code mean(cross_entropy) * 100}.
 */
public final class FullyConnectedLadder implements ModelGraph {

  /** Which non-linearity the hidden layers use. */
  public enum Activation { SIGMOID, RELU }

  private final long[] widths;
  private final Activation activation;
  private final Init weightInit;
  private final Init hiddenBias;
  private final LossScale lossScale;

  private FullyConnectedLadder(long[] widths, Activation activation, Init weightInit,
      Init hiddenBias, LossScale lossScale) {
    this.widths = widths.clone();
    this.activation = activation;
    this.weightInit = weightInit;
    this.hiddenBias = hiddenBias;
    this.lossScale = lossScale;
  }

  /** The Görner scripts' ladder of {@code widths}, input 784 first, 10 classes last. */
  public static FullyConnectedLadder of(Activation activation, long... widths) {
    return new FullyConnectedLadder(widths, activation, Init.truncatedNormal(0.1f),
        activation == Activation.RELU ? Init.constant(0.1f) : Init.zeros(),
        LossScale.PER_100_IMAGES);
  }

  /** The same ladder with Keras' defaults: {@code weightInit}, zero biases, mean loss. */
  public FullyConnectedLadder asKeras(Init kerasWeightInit) {
    return new FullyConnectedLadder(widths, activation, kerasWeightInit, Init.zeros(),
        LossScale.MEAN);
  }

  /** E.g. {@code 784-200-100-10 relu}. */
  public String architecture() {
    return Arrays.stream(widths).mapToObj(Long::toString).collect(Collectors.joining("-"))
        + " " + activation.name().toLowerCase();
  }

  /** The number of weight layers (the widths minus the input). */
  public int layers() {
    return widths.length - 1;
  }

  @Override
  public Model build(SlideGraph g, Hyperparameters hp) {
    var X = g.images();
    var Y_ = g.labels();
    var pkeep = g.keepProbability(hp.pkeep());
    int last = widths.length - 1;

    Operand<TFloat32> Y = g.reshape(X, -1, 784);                     // XX
    for (int i = 1; i <= last; i++) {
      g.layer("layer" + i);
      var W = g.weights("W" + i, weightInit, widths[i - 1], widths[i]);
      var B = g.biases("B" + i, i == last ? Init.zeros() : hiddenBias, widths[i]);
      var Z = g.add(g.matMul(Y, W), B);
      Y = i == last ? Z : activate(g, Z);                             // Yi, or Ylogits
      if (i < last && hp.dropout()) {
        Y = g.dropout(Y, pkeep);
      }
    }
    return g.classifier(X, Y_, Y, lossScale);
  }

  private Operand<TFloat32> activate(SlideGraph g, Operand<TFloat32> z) {
    return activation == Activation.RELU ? g.relu(z) : g.sigmoid(z);
  }
}
