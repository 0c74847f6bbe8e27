package graphrunner.bench;

import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import java.util.Arrays;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * The machine's matrix-multiply speed as TensorFlow reaches it with the run's threads: a square
 * float MatMul large enough for the CPU kernel to run at its best, timed several times, median.
 * What a training step could do at best is its arithmetic at this rate. Always float32: under
 * {@code --bf16} the rewritten MatMul, which casts its two inputs at every run, made 189–191
 * GFLOP/s where float32 made 255–365 (6 alternating pairs, one process): no peak to measure a
 * run against.
 */
public final class MachinePeak {
  private static final int SIZE = 1536;
  private static final int REPEATS = 15;

  private MachinePeak() {}

  /** GFLOP/s of {@code SIZE}² × {@code SIZE}² float MatMuls, median of {@code REPEATS}. */
  public static double gflops(RunConfig config) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var shape = tf.constant(new long[] {SIZE, SIZE});
      var a = tf.random.randomUniform(shape, TFloat32.class,
          RandomUniform.seed(1L), RandomUniform.seed2(1L));
      var b = tf.random.randomUniform(shape, TFloat32.class,
          RandomUniform.seed(1L), RandomUniform.seed2(2L));
      var ab = tf.withName("peak").linalg.matMul(tf.variable(a), tf.variable(b));
      var sum = tf.reduceSum(ab, tf.constant(new int[] {0, 1})); // fetch a scalar, not 9 MB
      RunConfig float32 = config.withTuning(config.tuning().withBfloat16(false));
      try (Session session = SessionFactory.forRun(float32, () -> {}).open(graph)) {
        session.initialize();
        double[] seconds = new double[REPEATS + 1];
        for (int i = 0; i <= REPEATS; i++) {
          long t0 = System.nanoTime();
          try (Result r = session.runner().fetch(sum).run()) {
            seconds[i] = (System.nanoTime() - t0) / 1e9;
          }
        }
        double median = Arrays.stream(seconds, 1, REPEATS + 1).sorted().toArray()[REPEATS / 2];
        return 2.0 * SIZE * SIZE * SIZE / median / 1e9;
      }
    }
  }
}
