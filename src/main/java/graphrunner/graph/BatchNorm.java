package graphrunner.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Batch normalisation as deck 003 ({@code mnist_4.2_batchnorm_convolutional.py}) writes it:
 *
 * <pre>
 * mean, variance = moments(Ylogits, [0, 1, 2] if convolutional else [0])
 * m, v = (mean, variance) if is_training else (moving_mean, moving_variance)
 * Ybn  = (Ylogits − m) / sqrt(v + 1e-5) + offset          no scale: ReLU follows
 * </pre>
 *
 * The moving averages start at 0 and, with each update, move with
 * {@code decay = min(0.999, (1 + i) / (10 + i))} (TF's {@code ExponentialMovingAverage} with
 * {@code num_updates}, i the index of the update), not bias-corrected. {@link BatchNormUpdate}
 * says whether they move in a second run after the update (the slide) or within the update. The
 * switch is arithmetic blending, whose gradients are plain Mul/Add, so that nothing depends on a
 * gradient for Select.
 *
 * @param output {@code Ybn}
 * @param updateMovingAverages the op that moves the averages: run after each training update
 *     ({@link BatchNormUpdate#TWO_PASS}) or within it, before {@code global_step} advances
 */
record BatchNorm(Operand<TFloat32> output, Op updateMovingAverages) {
  static final float EPSILON = 1e-5f;
  static final float MAX_DECAY = 0.999f;

  static BatchNorm build(Ops tf, Operand<TFloat32> Ylogits, Operand<TFloat32> offset,
      boolean convolutional, Operand<TBool> isTraining, Variable<TFloat32> movingMean,
      Variable<TFloat32> movingVariance, Variable<TInt64> globalStep, BatchNormUpdate when) {
    var axes = tf.constant(convolutional ? new int[] {0, 1, 2} : new int[] {0});
    var batch = Moments.of(tf, examplesForMoments(tf, Ylogits, isTraining, convolutional), axes);

    var t = tf.dtypes.cast(isTraining, TFloat32.class);           // 1 training, 0 inference
    var notT = tf.math.sub(tf.constant(1f), t);
    var m = tf.math.add(tf.math.mul(t, batch.mean()), tf.math.mul(notT, movingMean));
    var v = tf.math.add(tf.math.mul(t, batch.variance()), tf.math.mul(notT, movingVariance));
    var normalised = tf.math.mul(tf.math.sub(Ylogits, m),
        tf.math.rsqrt(tf.math.add(v, tf.constant(EPSILON))));
    var Ybn = tf.withName("Ybn").math.add(normalised, offset);

    Ops u = tf.withSubScope("update_moving_averages");
    // The slide's second pass runs with is_training false: it takes the whole batch's moments.
    var moved = when == BatchNormUpdate.TWO_PASS ? Moments.of(u, Ylogits, axes) : batch;
    var decay = decay(u, globalStep, when);
    var keep = u.math.sub(u.constant(1f), decay);
    // moving −= (moving − batch) · (1 − decay), as TF1's assign_moving_average: the variable
    // subtracts the small step itself, in float32 also when --bf16 computes the step in bfloat16
    // (moving − step rounded to bfloat16 would lose it, and the averages would freeze)
    var meanStep = u.math.mul(keep, u.math.sub(movingMean, moved.mean()));
    var varianceStep = u.math.mul(keep, u.math.sub(movingVariance, moved.variance()));
    Op update = u.withControlDependencies(List.of(
            u.assignSub(movingMean, meanStep), u.assignSub(movingVariance, varianceStep)))
        .withName("update").noOp();
    return new BatchNorm(Ybn, update);
  }

  /**
   * {@code min(0.999, (1 + i) / (10 + i))} with i the slide's iteration, the index of the update.
   * After the update (two passes), {@code global_step} already counts it, so i = step − 1; within
   * it, the train op advances {@code global_step} only after this op has run, so i = step.
   */
  private static Operand<TFloat32> decay(Ops u, Variable<TInt64> globalStep,
      BatchNormUpdate when) {
    var step = u.dtypes.cast(u.snapshot(globalStep), TFloat32.class);
    var i = when == BatchNormUpdate.TWO_PASS ? u.math.sub(step, u.constant(1f)) : step;
    var warmUp = u.math.div(u.math.add(u.constant(1f), i), u.math.add(u.constant(10f), i));
    return u.withName("decay").math.minimum(u.constant(MAX_DECAY), warmUp);
  }

  /** The batch's mean and (biased) variance per channel, as TF1's {@code tf.nn.moments}. */
  private record Moments(Operand<TFloat32> mean, Operand<TFloat32> variance) {
    static Moments of(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes) {
      var mean = tf.withName("mean").math.mean(x, axes);
      var variance = tf.withName("variance").math.mean(
          tf.math.square(tf.math.sub(x, mean)), axes);
      return new Moments(mean, variance);
    }
  }

  /**
   * The whole batch in training, its first example otherwise: inference blends the batch
   * moments away (× 0), and over the 1,000 test images of an evaluation batch they cost four
   * passes over every activation. Training takes the same moments; its gradient adds up the
   * same terms in another order, so seeded runs differ from earlier builds in the last bits.
   */
  private static Operand<TFloat32> examplesForMoments(Ops tf, Operand<TFloat32> Ylogits,
      Operand<TBool> isTraining, boolean convolutional) {
    var batchSize = tf.gather(tf.shape(Ylogits), tf.constant(0), tf.constant(0));
    var one = tf.constant(1);
    var examples = tf.math.add(one,                       // is_training ? batch size : 1
        tf.math.mul(tf.dtypes.cast(isTraining, TInt32.class), tf.math.sub(batchSize, one)));
    var sizes = tf.concat(List.of(tf.reshape(examples, tf.constant(new int[] {1})),
        tf.constant(convolutional ? new int[] {-1, -1, -1} : new int[] {-1})), tf.constant(0));
    var begin = tf.constant(convolutional ? new int[4] : new int[2]);
    return tf.withName("examples_for_moments").slice(Ylogits, begin, sizes);
  }

  /** The decay the update after step {@code i} (0-based) uses, computed in Java for the tests. */
  static double decayAt(long i) {
    return Math.min(MAX_DECAY, (1.0 + i) / (10.0 + i));
  }
}
