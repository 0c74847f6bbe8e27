package graphrunner.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class BatchNormTest {
  /** Two examples of two FC units: batch mean [2, 10], batch variance [1, 4]. */
  private static final float[][] BATCH = {{1, 8}, {3, 12}};
  private static final float OFFSET = 0.1f;

  /** batchNorm over a fed [-1, 2] input with offsets 0.1, as an experiment would build it. */
  private static final class OneLayer {
    Placeholder<TFloat32> x;
    Operand<TBool> isTraining;
    Operand<TFloat32> ybn;
    final SlideGraph g;

    OneLayer(Ops tf) {
      this(tf, BatchNormUpdate.TWO_PASS);
    }

    OneLayer(Ops tf, BatchNormUpdate when) {
      g = new SlideGraph(tf, new Seeds(1));
      g.batchNormUpdates(when);
      x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      isTraining = g.trainingSwitch();
      g.layer("bn");
      var offset = g.biases("offset", Init.constant(OFFSET), 2);
      ybn = g.batchNorm(x, offset, false, isTraining);
    }
  }

  private static float[] run(Session session, OneLayer layer, Boolean training) {
    try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(BATCH));
        TBool flag = TBool.scalarOf(Boolean.TRUE.equals(training))) {
      var runner = session.runner().feed(layer.x, batch).fetch(layer.ybn);
      if (training != null) {
        runner.feed(layer.isTraining, flag);
      }
      try (Result r = runner.run()) {
        TFloat32 y = (TFloat32) r.get(0);
        return new float[] {y.getFloat(0, 0), y.getFloat(0, 1), y.getFloat(1, 0), y.getFloat(1, 1)};
      }
    }
  }

  /**
   * Inference on BATCH once the averages moved with the first update's decay, min(0.999,
   * (1 + 0) / (10 + 0)) = 0.1: averages = 0.9 × the batch moments.
   */
  private static float[] inferenceAfterTheFirstUpdate() {
    double keep = 1 - BatchNorm.decayAt(0);
    float m0 = (float) (keep * 2);
    float m1 = (float) (keep * 10);
    float v0 = (float) (keep * 1);
    float v1 = (float) (keep * 4);
    return new float[] {norm(1, m0, v0), norm(8, m1, v1), norm(3, m0, v0), norm(12, m1, v1)};
  }

  private static float norm(float x, float mean, float variance) {
    return (float) ((x - mean) / Math.sqrt(variance + 1e-5)) + OFFSET;
  }

  @Test
  void trainingNormalisesWithTheBatchMoments() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      var layer = new OneLayer(Ops.create(g));
      s.initialize();
      assertArrayEquals(new float[] {norm(1, 2, 1), norm(8, 10, 4), norm(3, 2, 1), norm(12, 10, 4)},
          run(s, layer, true), 1e-5f);
    }
  }

  /**
   * Training backpropagates through the batch moments: for a loss sum(Ybn · G), each channel's
   * input gradient is inv · (G − mean(G) − x̂ · mean(G · x̂)), x̂ the normalised input.
   */
  @Test
  void trainingGradientsFlowThroughTheBatchMoments() {
    float[][] upstream = {{1, 2}, {3, -1}};
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var layer = new OneLayer(tf);
      var loss = tf.reduceSum(tf.math.mul(layer.ybn, tf.constant(upstream)),
          tf.constant(new int[] {0, 1}));
      var dx = g.addGradients(loss.asOutput(), new org.tensorflow.Output<?>[] {layer.x.asOutput()});
      s.initialize();
      try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(BATCH));
          TBool training = TBool.scalarOf(true);
          Result r = s.runner().feed(layer.x, batch).feed(layer.isTraining, training)
              .fetch(dx[0]).run()) {
        TFloat32 got = (TFloat32) r.get(0);
        for (int c = 0; c < 2; c++) {
          double mean = (BATCH[0][c] + BATCH[1][c]) / 2;
          double variance = (Math.pow(BATCH[0][c] - mean, 2) + Math.pow(BATCH[1][c] - mean, 2)) / 2;
          double inv = 1 / Math.sqrt(variance + 1e-5);
          double[] xhat = {(BATCH[0][c] - mean) * inv, (BATCH[1][c] - mean) * inv};
          double meanG = (upstream[0][c] + upstream[1][c]) / 2;
          double meanGx = (upstream[0][c] * xhat[0] + upstream[1][c] * xhat[1]) / 2;
          for (int n = 0; n < 2; n++) {
            double expected = inv * (upstream[n][c] - meanG - xhat[n] * meanGx);
            assertEquals(expected, got.getFloat(n, c), 1e-4, "example " + n + ", channel " + c);
          }
        }
      }
    }
  }

  @Test
  void byDefaultItIsInferenceAndUsesTheMovingAveragesStartingAtZero() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      var layer = new OneLayer(Ops.create(g));
      s.initialize();
      float[] expected = {norm(1, 0, 0), norm(8, 0, 0), norm(3, 0, 0), norm(12, 0, 0)};
      assertArrayEquals(expected, run(s, layer, null), 1e-2f);
      assertArrayEquals(expected, run(s, layer, false), 1e-2f);
    }
  }

  @Test
  void movingAveragesMoveAfterAnUpdateWithTheWarmUpDecay() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var layer = new OneLayer(tf);
      var advance = tf.assignAdd(layer.g.globalStep(), tf.constant(1L));
      s.initialize();
      s.runner().addTarget(advance).run().close();          // the training update of step 0
      try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(BATCH))) {
        var after = s.runner().feed(layer.x, batch);
        layer.g.afterUpdateOps().forEach(after::addTarget);
        after.run().close();
      }
      assertArrayEquals(inferenceAfterTheFirstUpdate(), run(s, layer, null), 1e-4f);
    }
  }

  @Test
  void inOnePassTheAveragesMoveWithinTheUpdateBeforeTheStepAdvances() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var layer = new OneLayer(tf, BatchNormUpdate.ONE_PASS);
      assertTrue(layer.g.afterUpdateOps().isEmpty(), "no second pass");
      // as TrainStep builds it: the in-update ops first, then global_step advances
      var update = tf.withControlDependencies(layer.g.withUpdateOps())
          .assignAdd(layer.g.globalStep(), tf.constant(1L));
      s.initialize();
      try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(BATCH));
          TBool training = TBool.scalarOf(true)) {
        s.runner().feed(layer.x, batch).feed(layer.isTraining, training).addTarget(update)
            .run().close();
      }
      // the update of step 0 used decay(0) = 0.1, as the two-pass form does after it
      assertArrayEquals(inferenceAfterTheFirstUpdate(), run(s, layer, null), 1e-4f);
    }
  }

  @Test
  void theDecayWarmsUpTowards0999() {
    assertArrayEquals(new double[] {0.1, 0.5, 0.999},
        new double[] {BatchNorm.decayAt(0), BatchNorm.decayAt(8), BatchNorm.decayAt(1_000_000)},
        1e-6);
  }
}
