package graphrunner.examples;

import graphrunner.experiments.GraphIntro;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Every worked example of {@code EXPERIMENTS.md}, recomputed through TensorFlow graphs. */
public final class SlideExamples {
  private SlideExamples() {}

  public static List<WorkedExample> all() {
    return List.of(softmax(), entropy(), introGraph(), BackPropagationExample.compute(),
        ConvolutionExamples.convolutionValid(), ConvolutionExamples.maxPool3x3(),
        ConvolutionExamples.convolutionSame(), ConvolutionExamples.maxPool2x2());
  }

  public static WorkedExample softmax() {
    double[] y = Graphs.evaluate(tf -> tf.nn.softmax(
        tf.constant(new float[][] {{3.82f, 5.35f, 1.44f, -1.26f, 2.71f, 1.98f}})));
    return new WorkedExample("softmax", "001", List.of(new Check(
        "softmax([3.82, 5.35, 1.44, −1.26, 2.71, 1.98])", new double[] {0.16115195, 0.74422819,
            0.01491471, 0.00100235, 0.05310907, 0.02559374}, y, 5e-7, 8)));
  }

  /** H(p) = −Σ p·log2(p), in bits. */
  public static WorkedExample entropy() {
    return new WorkedExample("entropy", "000", List.of(
        new Check("H(0.8, 0.2) bits", new double[] {0.72}, bits(0.8f, 0.2f), 0.005, 2),
        new Check("H(0.5, 0.5) bits", new double[] {1}, bits(0.5f, 0.5f), 1e-6, 0)));
  }

  private static double[] bits(float... p) {
    return Graphs.evaluate(tf -> {
      var P = tf.constant(p);
      var nats = tf.math.neg(tf.reduceSum(tf.math.mul(P, tf.math.log(P)), tf.constant(0)));
      return tf.math.div(nats, tf.constant((float) Math.log(2)));
    });
  }

  /** The 10-4-2 graph of {@link GraphIntro} with its zero weights, fed an arbitrary x. */
  public static WorkedExample introGraph() {
    try (Graph graph = new Graph()) {
      var intro = GraphIntro.GRAPH.draw(Ops.create(graph));
      float[][] x = new float[10][1];
      for (int i = 0; i < 10; i++) {
        x[i][0] = (i - 4.5f) * 1.7f;
      }
      try (Session session = new Session(graph);
          TFloat32 input = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(x))) {
        session.initialize();
        try (Result r = session.runner().feed(intro.input(), input).fetch(intro.output()).run()) {
          return new WorkedExample("the 10-4-2 intro graph, zero weights", "000/001", List.of(
              new Check("ŷ", new double[] {0.5, 0.5}, Graphs.values((TFloat32) r.get(0)), 1e-6, 1)));
        }
      }
    }
  }
}
