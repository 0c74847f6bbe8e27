package graphrunner.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code --init xavier|msra} (deck 004) on a conv kernel: the fans are Keras' (receptive field ×
 * channels), the spread Glorot's and He's. tensorflow-framework 1.1.0's Glorot/He fail these
 * checks (its uniform has half Glorot's spread; a conv kernel's fan in comes out 25,600 instead
 * of 800), which is why graph-runner keeps its own initialisers.
 */
class InitTest {
  /** A conv kernel 5×5×32→64: fan in 5·5·32 = 800, fan out 5·5·64 = 1600. */
  private static final Shape KERNEL = Shape.of(5, 5, 32, 64);

  private static float[] values(Init init, long seed) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var value = init.create(tf, KERNEL, new Seeds(seed));
      var flat = tf.reshape(value, tf.constant(new long[] {-1}));
      try (Result r = s.runner().fetch(flat).run()) {
        return StdArrays.array1dCopyOf((TFloat32) r.get(0));
      }
    }
  }

  private static double std(float[] v) {
    double mean = 0;
    for (float x : v) {
      mean += x / (double) v.length;
    }
    double var = 0;
    for (float x : v) {
      var += (x - mean) * (x - mean) / v.length;
    }
    return Math.sqrt(var);
  }

  @Test
  void xavierIsCentredAndUniformWithinTheGlorotLimitOfTheKernelsFans() {
    float[] v = values(Init.glorotUniform(), 42);
    double limit = Math.sqrt(6.0 / (800 + 1600));
    assertTrue(Arrays.stream(toDoubles(v)).allMatch(x -> Math.abs(x) <= limit), "within ±limit");
    assertEquals(0, Arrays.stream(toDoubles(v)).average().orElseThrow(), limit * 0.02, "centred");
    assertEquals(limit / Math.sqrt(3), std(v), limit / Math.sqrt(3) * 0.02, "uniform's stddev");
  }

  @Test
  void msraHasHesStddevOfSqrtTwoOverFanIn() {
    double expected = Math.sqrt(2.0 / 800);
    assertEquals(expected, std(values(Init.he(), 42)), expected * 0.03);
  }

  @Test
  void xavierAndMsraRepeatWithTheSeedAndDifferAcrossSeeds() {
    for (Init init : new Init[] {Init.glorotUniform(), Init.he()}) {
      assertArrayEquals(values(init, 7), values(init, 7), init.describe());
      assertFalse(Arrays.equals(values(init, 7), values(init, 8)), init.describe());
    }
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
