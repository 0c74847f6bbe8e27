package graphrunner.experiments;

import graphrunner.graph.Model;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Decks 000/001: the 10-4-2 introduction graph, built to be looked at in TensorBoard, not trained.
 *
 * <pre>
 * x [10,1] → v = W1·x [4,1] → h = sigmoid(v) → z = W2·h [2,1] → ŷ = softmax(z) [2]
 *            W1 [4,10] zeros        W2 [2,4] zeros
 * </pre>
 *
 * With zero weights, ŷ = [0.5, 0.5] for any x.
 */
public final class GraphIntro extends Experiment {
  private Operand<TFloat32> yHat;
  private Placeholder<TFloat32> x;

  @Override
  protected Model define(Hyperparameters hp) {
    Ops tf = tf();
    x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(10, 1)));
    var W1 = tf.withName("W1").variable(tf.zeros(tf.constant(new long[] {4, 10}), TFloat32.class));
    var v = tf.withName("v").linalg.matMul(W1, x);
    var h = tf.withName("h").math.sigmoid(v);
    var W2 = tf.withName("W2").variable(tf.zeros(tf.constant(new long[] {2, 4}), TFloat32.class));
    var z = tf.withName("z").linalg.matMul(W2, h);
    // softmax over the two outputs: the column z seen as one row
    yHat = tf.withName("y_hat").nn.softmax(tf.reshape(z, tf.constant(new long[] {1, 2})));
    return null;
  }

  /** The input placeholder {@code x}, available after the graph is built. */
  public Placeholder<TFloat32> input() {
    return x;
  }

  /** The output {@code ŷ}, available after the graph is built. */
  public Operand<TFloat32> output() {
    return yHat;
  }

  @Override
  public boolean trains() {
    return false;
  }

  @Override
  public String id() {
    return "graph-intro";
  }

  @Override
  public String deck() {
    return "000/001";
  }

  @Override
  public String slideAccuracy() {
    return "-";
  }

  @Override
  public String title() {
    return "the 10-4-2 introduction graph, built to be seen in TensorBoard (nothing to train)";
  }

  @Override
  public Hyperparameters defaults() {
    return Hyperparameters.builder()
        .steps(0).batchSize(1)
        .learningRate(graphrunner.graph.LearningRate.constant(0))
        .optimizer(graphrunner.graph.Optimizer.gradientDescent())
        .build();
  }

  @Override
  public List<String> choices() {
    return List.of("the softmax runs over the two outputs of the column z");
  }
}
