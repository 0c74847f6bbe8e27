package graphrunner.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DropoutTest {

  /** A graph of ones through dropout, with the slide's pkeep knob. */
  private static final class OnesThroughDropout {
    Operand<TFloat32> out;
    Knob pkeep;

    OnesThroughDropout(Ops tf) {
      var g = new SlideGraph(tf, new Seeds(42));
      var keep = g.keepProbability(0.75f);
      pkeep = g.knobs().get(0);
      out = g.dropout(tf.fill(tf.constant(new long[] {100_000}), tf.constant(1f)), keep);
    }
  }

  @Test
  void dropoutKeepsAllUnitsAtServingTime() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      var net = new OnesThroughDropout(Ops.create(g));
      try (Result r = s.runner().fetch(net.out).run()) {
        TFloat32 out = (TFloat32) r.get(0);
        for (int i = 0; i < 100_000; i += 997) {
          assertEquals(1f, out.getFloat(i), "unit " + i + " at pkeep 1");
        }
      }
    }
  }

  @Test
  void trainingDropsAQuarterAndScalesTheRestByOneOverPkeep() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      var net = new OnesThroughDropout(Ops.create(g));
      try (var pkeep = net.pkeep.trainingTensor();
          Result r = s.runner().feed(net.pkeep.node(), pkeep).fetch(net.out).run()) {
        TFloat32 out = (TFloat32) r.get(0);
        int dropped = 0;
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
          float v = out.getFloat(i);
          assertTrue(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6, "unit " + i + " is " + v);
          dropped += v == 0f ? 1 : 0;
          sum += v;
        }
        assertEquals(0.25, dropped / 100_000.0, 0.01);
        assertEquals(1.0, sum / 100_000, 0.01, "expected activation unchanged");
      }
    }
  }
}
