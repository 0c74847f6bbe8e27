package graphrunner.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * The slide vocabulary over {@link Ops}, and the state of one graph under construction:
 * placeholders, variables with the slides' initialisers, {@code matMul}, {@code conv2d},
 * activations, dropout, the loss and the accuracy. An experiment's graph function is handed a
 * fresh {@code SlideGraph g} per build and reads line for line like the slide:
 *
 * <pre>{@code
 * g.layer("layer1");
 * var W1 = g.weights("W1", truncatedNormal(0.1f), 784, 200);
 * var B1 = g.biases("B1", constant(0.1f), 200);
 * var Y1 = g.relu(g.add(g.matMul(XX, W1), B1));
 * }</pre>
 *
 * <p>{@link #layer} opens a name scope (TensorBoard groups {@code layer1/W1}, {@code layer1/B1} and
 * the layer's ops) and a row of the {@code describe} table. An instance builds one graph and is
 * then dropped: what it collected (trainables, knobs, layers) is handed on in the {@link Model}.
 */
public final class SlideGraph {
  private final Ops root;
  private final Seeds seeds;
  private final VariablePlacement placement;
  private Ops tf;
  private final List<Variable<TFloat32>> trainables = new ArrayList<>();
  private final List<Knob> knobs = new ArrayList<>();
  private final List<Op> afterUpdate = new ArrayList<>();
  private final List<Op> withUpdate = new ArrayList<>();
  private BatchNormUpdate batchNormUpdate = BatchNormUpdate.TWO_PASS;
  private final List<LayerSummary> layers = new ArrayList<>();
  private String layerName;
  private String layerKind;
  private long layerTrainable;
  private long layerOther;
  private Operand<TFloat32> lastOutput;
  private Variable<TInt64> globalStep;
  private Placeholder<TUint8> imageBytes;

  /** A graph built with {@code ops} (root scope), random ops seeded from {@code seeds}. */
  public SlideGraph(Ops ops, Seeds seeds) {
    this(ops, seeds, VariablePlacement.WITH_COMPUTE);
  }

  /**
   * As above, with the variables (weights, biases, moving averages, the step counter) placed by
   * {@code placement} instead of beside the compute (a cluster's parameter servers).
   */
  public SlideGraph(Ops ops, Seeds seeds, VariablePlacement placement) {
    this.root = ops;
    this.tf = ops;
    this.seeds = seeds;
    this.placement = placement;
  }

  /** The ops factory of the current name scope, for ops this vocabulary does not name. */
  public Ops tf() {
    return tf;
  }

  public Seeds seeds() {
    return seeds;
  }

  /** The knobs declared so far. */
  public List<Knob> knobs() {
    return List.copyOf(knobs);
  }

  // ---- inputs ---------------------------------------------------------------------------------

  /**
   * {@code X}: a batch of images, float {@code [-1, 28, 28, 1]} in [0, 1]. Evaluation and serving
   * feed it; training feeds the images' bytes to {@code X_bytes} instead, and X is then
   * {@code X_bytes / 255}: a quarter of the data crosses into TensorFlow, and Java no longer
   * converts 78,400 pixels a step. The divisor is a {@code placeholderWithDefault}, never fed,
   * because Grappler would rewrite a division by the constant 255 into a multiplication by 1/255,
   * which differs from Java's {@code b / 255f} (what evaluation feeds) in the last bit for 126 of
   * the 256 byte values. A lookup table kept the bits too, but cost 0.8 ms of an fc5 step.
   */
  public PlaceholderWithDefault<TFloat32> images() {
    Shape batch = Shape.of(-1, 28, 28, 1);
    imageBytes = root.withName("X_bytes").placeholder(TUint8.class, Placeholder.shape(batch));
    Ops unit = root.withSubScope("X_from_bytes");
    var byteMax = unit.withName("byte_max").placeholderWithDefault(unit.constant(255f),
        Shape.scalar());
    var pixels = unit.math.div(unit.dtypes.cast(imageBytes, TFloat32.class), byteMax);
    return root.withName("X").placeholderWithDefault(pixels, batch);
  }

  /** {@code Y_}: the correct answers, one-hot {@code [-1, 10]}. */
  public Placeholder<TFloat32> labels() {
    return root.withName("Y_").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
  }

  /** {@code pkeep}: 1.0 unless fed, so serving never drops units; training feeds its value. */
  public Operand<TFloat32> keepProbability(float trainingValue) {
    return keepProbability("pkeep", trainingValue);
  }

  /** A second keep probability with its own name (e.g. {@code pkeep_conv}), same contract. */
  public Operand<TFloat32> keepProbability(String name, float trainingValue) {
    var pkeep = root.withName(name).placeholderWithDefault(root.constant(1f), Shape.scalar());
    knobs.add(new Knob(name, pkeep, trainingValue));
    return pkeep;
  }

  /** {@code is_training}: false unless fed, so serving uses the moving averages; training feeds true. */
  public Operand<TBool> trainingSwitch() {
    var isTraining = root.withName("is_training")
        .placeholderWithDefault(root.constant(false), Shape.scalar());
    knobs.add(new Knob("is_training", isTraining, true));
    return isTraining;
  }

  /** {@code global_step}: the int64 count of updates done, advanced by the training step. */
  public Variable<TInt64> globalStep() {
    if (globalStep == null) {
      globalStep = ScopedVariable.create(placement.place(root), "global_step",
          init -> init.constant(0L));
    }
    return globalStep;
  }

  // ---- layers and variables -------------------------------------------------------------------

  /** Opens the name scope and the summary row of the next layer. */
  public void layer(String name) {
    layer(name, "dense");
  }

  public void layer(String name, String kind) {
    closeLayer();
    layerName = name;
    layerKind = kind;
    tf = root.withSubScope(name);
  }

  public Variable<TFloat32> weights(String name, Init init, long... shape) {
    return trainable(name, init, shape);
  }

  public Variable<TFloat32> biases(String name, Init init, long size) {
    return trainable(name, init, size);
  }

  private Variable<TFloat32> trainable(String name, Init init, long... shape) {
    var variable = ScopedVariable.create(placement.place(tf), name,
        scope -> init.create(scope, Shape.of(shape), seeds));
    trainables.add(variable);
    layerTrainable += Shape.of(shape).size();
    return variable;
  }

  /** A variable the optimiser must not touch (moving averages), counted apart in the summary. */
  public Variable<TFloat32> state(String name, Init init, long... shape) {
    layerOther += Shape.of(shape).size();
    return ScopedVariable.create(placement.place(tf), name,
        scope -> init.create(scope, Shape.of(shape), seeds));
  }

  /** An op to run after each training update, on the same batch (e.g. moving averages). */
  public void runAfterUpdate(Op op) {
    afterUpdate.add(op);
  }

  /** The ops registered so far with {@link #runAfterUpdate} (for tests of partial graphs). */
  final List<Op> afterUpdateOps() {
    return List.copyOf(afterUpdate);
  }

  /** The ops registered so far to run within the update (for tests of partial graphs). */
  final List<Op> withUpdateOps() {
    return List.copyOf(withUpdate);
  }

  // ---- the math of the slides -----------------------------------------------------------------

  public Operand<TFloat32> matMul(Operand<TFloat32> a, Operand<TFloat32> b) {
    return track(tf.linalg.matMul(a, b));
  }

  public Operand<TFloat32> add(Operand<TFloat32> a, Operand<TFloat32> b) {
    return track(tf.math.add(a, b));
  }

  public Operand<TFloat32> relu(Operand<TFloat32> x) {
    return track(tf.nn.relu(x));
  }

  public Operand<TFloat32> sigmoid(Operand<TFloat32> x) {
    return track(tf.math.sigmoid(x));
  }

  public Operand<TFloat32> softmax(Operand<TFloat32> logits) {
    return track(tf.nn.softmax(logits));
  }

  /** {@code tf.reshape(x, dims)}; one dimension may be -1. */
  public Operand<TFloat32> reshape(Operand<TFloat32> x, long... dims) {
    return track(tf.reshape(x, tf.constant(dims)));
  }

  /** {@code tf.nn.conv2d(x, W, strides=[1, s, s, 1], padding='SAME')}. */
  public Operand<TFloat32> conv2d(Operand<TFloat32> x, Operand<TFloat32> w, long stride) {
    return conv2d(x, w, stride, "SAME");
  }

  /** As above with the padding given: {@code SAME} or {@code VALID} (Keras' default). */
  public Operand<TFloat32> conv2d(Operand<TFloat32> x, Operand<TFloat32> w, long stride,
      String padding) {
    return track(tf.nn.conv2d(x, w, List.of(1L, stride, stride, 1L), padding));
  }

  /** How {@link #batchNorm} layers update their moving averages (the slide: two passes). */
  public void batchNormUpdates(BatchNormUpdate when) {
    batchNormUpdate = when;
  }

  /**
   * Deck 003's {@code batchnorm(Ylogits, is_test, iteration, offset, convolutional)}; see
   * {@link BatchNorm}. Its two moving averages are {@link #state} of the current layer and are
   * updated after each training update, or within it (see {@link BatchNormUpdate}).
   */
  public Operand<TFloat32> batchNorm(Operand<TFloat32> Ylogits, Operand<TFloat32> offset,
      boolean convolutional, Operand<TBool> isTraining) {
    long channels = offset.shape().size(0);
    var movingMean = state("moving_mean", Init.zeros(), channels);
    var movingVariance = state("moving_variance", Init.zeros(), channels);
    var bn = BatchNorm.build(tf.withSubScope("batchnorm"), Ylogits, offset, convolutional,
        isTraining, movingMean, movingVariance, globalStep(), batchNormUpdate);
    if (batchNormUpdate == BatchNormUpdate.TWO_PASS) {
      runAfterUpdate(bn.updateMovingAverages());
    } else {
      withUpdate.add(bn.updateMovingAverages());
    }
    return track(bn.output());
  }

  /**
   * {@code tf.nn.max_pool(x, ksize=[1, k, k, 1], strides=[1, s, s, 1], padding)}, as TF1 makes
   * it: a MaxPool op whose window and strides are attributes. TF Java's {@code maxPool} makes
   * MaxPoolV2 (both as tensors), which oneDNN does not take over: its gradient, MaxPoolGradV2,
   * took 20.5 ms where MaxPool's took 3.8 ms (200 images of 28×28×32, 2×2 SAME).
   */
  public Operand<TFloat32> maxPool(Operand<TFloat32> x, int size, int stride,
      String padding) {
    Operation pool = tf.scope().opBuilder("MaxPool", "MaxPool").addInput(x.asOutput())
        .setAttr("ksize", new long[] {1, size, size, 1})
        .setAttr("strides", new long[] {1, stride, stride, 1})
        .setAttr("padding", padding)
        .build();
    return track(pool.<TFloat32>output(0));
  }

  /**
   * Inverted dropout, {@code tf.nn.dropout(x, pkeep)}: each unit is kept with probability pkeep
   * and scaled by 1/pkeep, so the expected activation is unchanged and pkeep = 1 is the identity.
   *
   * <p>The mask is a pure function of (run seed, this op, global step): a stateless random op keyed
   * by the step, not a stateful one whose stream advances with every run of it. So evaluations
   * do not shift the masks, and a run resumed from a checkpoint draws the masks it would have
   * drawn had it never stopped.
   */
  public Operand<TFloat32> dropout(Operand<TFloat32> x, Operand<TFloat32> pkeep) {
    Ops d = tf.withSubScope("dropout");
    var key = d.concat(List.of(d.constant(new long[] {seeds.nextKey()}),
        d.reshape(d.snapshot(globalStep()), d.constant(new long[] {1}))), d.constant(0));
    var uniform = d.random.statelessRandomUniform(d.shape(x), key, TFloat32.class);
    var keep = d.math.floor(d.math.add(pkeep, uniform)); // 1 with probability pkeep, else 0
    return track(d.math.mul(d.math.div(x, pkeep), keep));
  }

  // ---- the classifier's head ------------------------------------------------------------------

  /**
   * Completes a classifier: {@code Y = softmax(Ylogits)}, the loss {@code mean(cross_entropy) *
   * 100} ("normalised for batches of 100 images"), the accuracy and the predicted classes.
   */
  public Model classifier(Operand<TFloat32> X, Placeholder<TFloat32> Y_,
      Operand<TFloat32> Ylogits) {
    return classifier(X, Y_, Ylogits, LossScale.PER_100_IMAGES);
  }

  /** As above with the loss {@code mean(cross_entropy) * lossScale}; Keras decks use the mean. */
  public Model classifier(Operand<TFloat32> X, Placeholder<TFloat32> Y_,
      Operand<TFloat32> Ylogits, LossScale lossScale) {
    closeLayer();
    var Y = root.withName("Y").nn.softmax(Ylogits);
    var classes = root.withName("classes").math.argMax(Ylogits, root.constant(1), TInt64.class);

    Ops l = root.withSubScope("loss");
    var crossEntropy = l.nn.softmaxCrossEntropyWithLogits(Ylogits, Y_).loss();
    var loss = l.withName("cross_entropy").math.mul(
        l.math.mean(crossEntropy, l.constant(0)), l.constant(lossScale.factor()));

    Ops a = root.withSubScope("accuracy");
    var correct = a.math.equal(classes, a.math.argMax(Y_, a.constant(1), TInt64.class));
    var accuracy = a.withName("accuracy").math.mean(
        a.dtypes.cast(correct, TFloat32.class), a.constant(0));

    return new Model(X, imageBytes, Y_, Ylogits, Y, classes, loss, accuracy,
        List.copyOf(trainables), List.copyOf(knobs), List.copyOf(afterUpdate),
        List.copyOf(withUpdate), List.copyOf(layers), globalStep());
  }

  private Operand<TFloat32> track(Operand<TFloat32> output) {
    lastOutput = output;
    return output;
  }

  private void closeLayer() {
    if (layerName != null) {
      layers.add(new LayerSummary(layerName, layerKind,
          lastOutput == null ? Shape.unknown() : lastOutput.shape(), layerTrainable, layerOther));
    }
    layerName = null;
    layerTrainable = 0;
    layerOther = 0;
    tf = root;
  }
}
