package graphrunner.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * How gradients update the trainable variables, written with the raw training ops
 * ({@code ApplyAdam}, {@code ApplyGradientDescent}, {@code ApplyMomentum}) so that the learning
 * rate can be a tensor computed in the graph, which the framework optimisers do not allow.
 */
public sealed interface Optimizer {

  /** One update op per variable (plus any bookkeeping), all to run as one training step. */
  List<Op> updates(Ops tf, List<Variable<TFloat32>> vars, Output<?>[] grads, Operand<TFloat32> lr);

  String describe();

  /** TF1's {@code AdamOptimizer} defaults: β1 0.9, β2 0.999, ε 1e-8. */
  static Adam adam() {
    return new Adam(Adam.BETA_ONE_DEFAULT, Adam.BETA_TWO_DEFAULT, Adam.EPSILON_DEFAULT);
  }

  static Optimizer gradientDescent() {
    return new GradientDescent();
  }

  static Optimizer momentum(double momentum) {
    return new Momentum(momentum);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> gradient(Output<?> grad) {
    return (Operand<TFloat32>) grad;
  }

  /** A variable's name made fit for a sibling op name ({@code layer1/W1} → {@code layer1_W1}). */
  private static String slotName(Variable<TFloat32> var, String slot) {
    return var.op().name().replace('/', '_') + "_" + slot;
  }

  record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
    public static final double BETA_ONE_DEFAULT = 0.9;
    public static final double BETA_TWO_DEFAULT = 0.999;
    /** TF1's; Keras uses {@link #KERAS_EPSILON}. */
    public static final double EPSILON_DEFAULT = 1e-8;
    public static final double KERAS_EPSILON = 1e-7;

    /** The same Adam with another ε (Keras: {@link #KERAS_EPSILON}). */
    public Adam withEpsilon(double newEpsilon) {
      return new Adam(beta1, beta2, newEpsilon);
    }

    public List<Op> updates(Ops tf, List<Variable<TFloat32>> vars, Output<?>[] grads,
        Operand<TFloat32> lr) {
      var b1 = tf.constant((float) beta1);
      var b2 = tf.constant((float) beta2);
      // TF1 keeps the bias-correction powers beside the first variable, the slots beside theirs
      Ops first = VariablePlacement.colocated(tf, vars.get(0));
      var beta1Power = ScopedVariable.create(first, "beta1_power", s -> s.constant((float) beta1));
      var beta2Power = ScopedVariable.create(first, "beta2_power", s -> s.constant((float) beta2));
      List<Op> applies = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        var w = vars.get(i);
        Ops slots = VariablePlacement.colocated(tf, w);
        var m = ScopedVariable.create(slots, slotName(w, "m"), s -> s.zerosLike(w));
        var v = ScopedVariable.create(slots, slotName(w, "v"), s -> s.zerosLike(w));
        applies.add(tf.train.applyAdam(w, m, v, beta1Power, beta2Power, lr, b1, b2,
            tf.constant((float) epsilon), gradient(grads[i])));
      }
      // The bias-correction powers advance once per step, after every variable has used them.
      var after = tf.withControlDependencies(applies);
      List<Op> all = new ArrayList<>(applies);
      all.add(after.assign(beta1Power, tf.math.mul(beta1Power, b1)));
      all.add(after.assign(beta2Power, tf.math.mul(beta2Power, b2)));
      return all;
    }

    public String describe() {
      return "Adam (β1 " + beta1 + ", β2 " + beta2 + ", ε " + epsilon + ")";
    }
  }

  record GradientDescent() implements Optimizer {
    public List<Op> updates(Ops tf, List<Variable<TFloat32>> vars, Output<?>[] grads,
        Operand<TFloat32> lr) {
      List<Op> applies = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        applies.add(tf.train.applyGradientDescent(vars.get(i), lr, gradient(grads[i])));
      }
      return applies;
    }

    public String describe() {
      return "gradient descent";
    }
  }

  record Momentum(double momentum) implements Optimizer {
    public List<Op> updates(Ops tf, List<Variable<TFloat32>> vars, Output<?>[] grads,
        Operand<TFloat32> lr) {
      List<Op> applies = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        var w = vars.get(i);
        Ops slots = VariablePlacement.colocated(tf, w);
        var accumulator = ScopedVariable.create(slots, slotName(w, "momentum"),
            s -> s.zerosLike(w));
        applies.add(tf.train.applyMomentum(w, accumulator, lr, gradient(grads[i]),
            tf.constant((float) momentum)));
      }
      return applies;
    }

    public String describe() {
      return "SGD with momentum " + momentum;
    }
  }
}
