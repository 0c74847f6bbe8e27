package graphrunner.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The learning-rate schedule, computed in the graph from the global step. {@link #build} adds its
 * ops to the scope it is given (the training step opens {@code lr}); the rate itself is the op
 * {@code learning_rate} there.
 */
public sealed interface LearningRate {

  Operand<TFloat32> build(Ops tf, Operand<TFloat32> step);

  /** The rate at {@code step}, computed in Java: the reference the tests compare the graph to. */
  double at(long step);

  /** The same schedule with its (peak) rate replaced: what {@code --lr} does. */
  LearningRate withRate(double rate);

  String describe();

  static LearningRate constant(double rate) {
    return new Constant(rate);
  }

  /** {@code lr = lrMin + lrMax * exp(-step / decaySteps)}: the decks' decay, base 1/e. */
  static LearningRate exponentialDecay(double lrMin, double lrMax, double decaySteps) {
    return new ExponentialDecay(lrMin, lrMax, decaySteps);
  }

  record Constant(double rate) implements LearningRate {
    public Operand<TFloat32> build(Ops tf, Operand<TFloat32> step) {
      return tf.withName("learning_rate").constant((float) rate);
    }

    public double at(long step) {
      return rate;
    }

    public LearningRate withRate(double newRate) {
      return new Constant(newRate);
    }

    public String describe() {
      return "constant " + rate;
    }
  }

  record ExponentialDecay(double lrMin, double lrMax, double decaySteps) implements LearningRate {
    public Operand<TFloat32> build(Ops tf, Operand<TFloat32> step) {
      var decay = tf.math.exp(tf.math.div(tf.math.neg(step), tf.constant((float) decaySteps)));
      return tf.withName("learning_rate").math.add(tf.constant((float) lrMin),
          tf.math.mul(tf.constant((float) lrMax), decay));
    }

    public double at(long step) {
      return lrMin + lrMax * Math.exp(-step / decaySteps);
    }

    public LearningRate withRate(double newMax) {
      return new ExponentialDecay(lrMin, newMax, decaySteps);
    }

    public String describe() {
      return lrMin + " + " + lrMax + "·e^(−step/" + (long) decaySteps + ")";
    }
  }
}
