package graphrunner.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import graphrunner.experiments.Catalogue;
import graphrunner.train.NativeBfloat16;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Tuning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * With {@code --bf16} the session computes batch norm's update in bfloat16, whose 8 significant
 * bits cannot hold {@code moving − 0.001 × (moving − mean)} apart from {@code moving}: the
 * averages must still move in float32, or evaluation uses averages frozen far from the moments
 * (cnn-batchnorm's test accuracy fell to 0.77 while it trained at 0.99).
 */
class Bfloat16MovingAveragesTest {
  /** Two examples of two units, between two multiplies: batch means 40 and 100. */
  private static final float[][] BATCH = {{30, 90}, {50, 110}};
  private static final int UPDATES = 600;

  @Test
  void theMovingMeansKeepMovingAtDecay0999InABfloat16Session() {
    assumeTrue(NativeBfloat16.available(), "this CPU has no bfloat16 instructions");
    float[] expected = new float[2];
    for (int i = 0; i < UPDATES; i++) { // from 0 towards the batch means, 0.1 % a step
      expected[0] += 0.001f * (40 - expected[0]);
      expected[1] += 0.001f * (100 - expected[1]);
    }
    // 45 % of the way (18.0 and 45.1); computed in bfloat16 the averages stall near a fifth,
    // where a step falls below half of bfloat16's spacing there
    assertArrayEquals(expected, movingMeansAfterUpdates(true), 0.5f);
    assertArrayEquals(expected, movingMeansAfterUpdates(false), 0.01f);
  }

  private static float[] movingMeansAfterUpdates(boolean bfloat16) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var slide = new SlideGraph(tf, new Seeds(1));
      slide.batchNormUpdates(BatchNormUpdate.ONE_PASS);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      var isTraining = slide.trainingSwitch();
      var identity = tf.variable(tf.constant(new float[][] {{1, 0}, {0, 1}}));
      slide.layer("bn");
      var offset = slide.biases("offset", Init.constant(0f), 2);
      var ybn = slide.batchNorm(tf.linalg.matMul(x, identity), offset, false, isTraining);
      var next = tf.linalg.matMul(ybn, identity); // the next layer's multiply, as in a net
      // a gradient through the moments (at rate 0: the weights stay put) makes the moments and
      // the update bfloat16, as in a net: they then lie between the multiplies and their
      // gradients' multiplies
      var loss = tf.reduceSum(tf.math.square(next), tf.constant(new int[] {0, 1}));
      Output<?>[] gradient = g.addGradients(loss.asOutput(), new Output<?>[] {identity.asOutput()});
      var descend = tf.train.applyGradientDescent(identity, tf.constant(0f),
          gradient[0].expect(TFloat32.class));
      List<Op> steps = new ArrayList<>(slide.withUpdateOps());
      steps.add(descend);
      var update = tf.withControlDependencies(steps)
          .assignAdd(slide.globalStep(), tf.constant(1L));
      var lateStep = tf.assign(slide.globalStep(), tf.constant(1_000_000L)); // decay 0.999
      var config = RunConfig.of(Catalogue.experiment("cnn-batchnorm").defaults(), 1)
          .withTuning(Tuning.everyCore().withBfloat16(bfloat16));
      try (Session s = SessionFactory.forRun(config, () -> {}).open(g);
          TFloat32 batch = TFloat32.tensorOf(StdArrays.ndCopyOf(BATCH));
          TBool training = TBool.scalarOf(true)) {
        s.initialize();
        s.runner().addTarget(lateStep).run().close();
        for (int i = 0; i < UPDATES; i++) {
          s.runner().feed(x, batch).feed(isTraining, training).addTarget(update).fetch(next)
              .run().close();
        }
        try (Result r = s.runner().fetch("bn/moving_mean").run()) {
          TFloat32 mean = (TFloat32) r.get(0);
          return new float[] {mean.getFloat(0), mean.getFloat(1)};
        }
      }
    }
  }
}
