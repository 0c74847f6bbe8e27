package graphrunner.experiments;

import graphrunner.experiments.LookOnlyGraph.Ends;
import java.util.List;
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
public final class GraphIntro {

  public static final LookOnlyGraph GRAPH = new LookOnlyGraph("graph-intro", "000/001",
      "the 10-4-2 introduction graph, built to be seen in TensorBoard (nothing to train)",
      List.of("the softmax runs over the two outputs of the column z"),
      GraphIntro::draw);

  private GraphIntro() {}

  static Ends draw(Ops tf) {
    var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(10, 1)));
    var W1 = tf.withName("W1").variable(tf.zeros(tf.constant(new long[] {4, 10}), TFloat32.class));
    var v = tf.withName("v").linalg.matMul(W1, x);
    var h = tf.withName("h").math.sigmoid(v);
    var W2 = tf.withName("W2").variable(tf.zeros(tf.constant(new long[] {2, 4}), TFloat32.class));
    var z = tf.withName("z").linalg.matMul(W2, h);
    // softmax over the two outputs: the column z seen as one row
    var yHat = tf.withName("y_hat").nn.softmax(tf.reshape(z, tf.constant(new long[] {1, 2})));
    return new Ends(x, yHat);
  }
}
