package graphrunner.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One training update, in the graph: {@code lr} is computed from {@code global_step}, the
 * gradients of the loss w.r.t. the model's trainable variables (only those: step counters and
 * moving averages are not differentiated) feed the optimiser, the model's in-update ops run (one-pass
 * moving averages), and the step counter then advances.
 *
 * @param globalStep int64 counter of updates done
 * @param learningRate the rate the next update uses
 * @param train the op to run once per batch
 */
public record TrainStep(Variable<TInt64> globalStep, Operand<TFloat32> learningRate, Op train) {

  public static TrainStep build(Graph graph, Ops tf, Model model, LearningRate schedule,
      Optimizer optimizer) {
    var globalStep = model.globalStep();
    Ops lrScope = tf.withSubScope("lr"); // TensorBoard: one "lr" node, the schedule inside
    // snapshot, not identity: identity would alias the variable's buffer, which the update mutates
    var step = lrScope.withName("step").dtypes.cast(lrScope.snapshot(globalStep), TFloat32.class);
    var lr = schedule.build(lrScope, step);

    Ops t = tf.withSubScope("train");
    List<Variable<TFloat32>> vars = model.trainables();
    Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] grads = gateGradients(t, graph.addGradients("train/gradients",
        new Output<?>[] {model.loss().asOutput()}, xs, null));

    List<Op> updates = new ArrayList<>(optimizer.updates(t, vars, grads, lr));
    updates.addAll(model.withUpdate()); // one-pass moving averages read the step before it advances
    updates.add(t.withControlDependencies(updates).assignAdd(globalStep, t.constant(1L)));
    Op train = t.withControlDependencies(updates).withName("step").noOp();
    return new TrainStep(globalStep, lr, train);
  }

  /**
   * Holds every gradient back until all are computed (TF1's {@code GATE_GRAPH}). Back-propagation
   * reads the variables themselves, not copies: without the gate, the update of W2 can overwrite
   * W2 while the gradient of W1 is still being computed from it, and runs stop repeating.
   */
  private static Output<?>[] gateGradients(Ops t, Output<?>[] grads) {
    List<Op> computed = new ArrayList<>();
    for (Output<?> grad : grads) {
      computed.add(t.identity(grad));
    }
    Ops gate = t.withControlDependencies(computed);
    Output<?>[] gated = new Output<?>[grads.length];
    for (int i = 0; i < grads.length; i++) {
      gated[i] = gate.identity(grads[i]).asOutput();
    }
    return gated;
  }
}
