package graphrunner.graph;

import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TType;

/**
 * A variable laid out as TF Python lays it out, so that TensorBoard's graph shows one node per
 * variable: {@code layer1/W1} (the VariableV2), {@code layer1/W1/Initializer/...} (its initial
 * value) and {@code layer1/W1/Assign}. TensorFlow Java's {@code tf.withName("W1").variable(init)}
 * leaves the initial value's ops loose in the enclosing scope and names the assign {@code W1_1}.
 *
 * <p>Why two raw op builders: in TensorFlow Java a sub-scope {@code W1} and an op {@code W1} share
 * one namespace, so whichever comes second gets {@code _1}. The sub-scope is opened first and the
 * variable and its assign are then given their exact names. Which ops run at initialisation is
 * what {@code tf.variable} does (the variable and its assign are init ops; the initial value is
 * computed on demand), and seeds are drawn in the same order, so values do not change.
 */
public final class ScopedVariable {
  private ScopedVariable() {}

  public static <T extends TType> Variable<T> create(Ops tf, String name,
      Function<Ops, Operand<T>> initialValue) {
    Ops variableScope = tf.withSubScope(name);
    Operand<T> init = initialValue.apply(variableScope.withSubScope("Initializer"));
    String assignName = variableScope.scope().makeOpName("Assign");
    String variableName = assignName.substring(0, assignName.length() - "/Assign".length());
    Scope initScope = tf.withInitScope().scope();
    Variable<T> variable = new Variable<>(initScope.env()
        .opBuilder(Variable.OP_NAME, variableName, initScope)
        .setAttr("shape", init.shape())
        .setAttr("dtype", init.asOutput().dataType())
        .build());
    new Assign<T>(initScope.env().opBuilder(Assign.OP_NAME, assignName, initScope)
        .addInput(variable.asOutput()).addInput(init.asOutput()).build());
    return variable;
  }
}
