package graphrunner.train.listener;

import graphrunner.Phases;
import graphrunner.images.PredictionGrid;
import graphrunner.tensorboard.EventFileWriter;
import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingMetrics;
import graphrunner.train.TrainingResult;
import java.nio.file.Path;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * TensorBoard logs in the Keras callback's layout: {@code <run>/train/} gets the graph, the
 * training loss, accuracy and learning rate, and histograms of every weight and bias;
 * {@code <run>/test/} gets the test loss and accuracy and a grid of test images with their
 * predictions (misclassified first) at each evaluation. Flushed at every evaluation and at the end.
 * A resumed run appends new files to the same folders.
 */
public final class TensorBoardListener implements TrainingListener {
  private static final int GRID_IMAGES = 100;
  private final Path runDir;
  private final int histogramEvery;
  private EventFileWriter train;
  private EventFileWriter test;

  /** @param histogramEvery steps between weight histograms (and one at the start and the end) */
  public TensorBoardListener(Path runDir, int histogramEvery) {
    this.runDir = runDir;
    this.histogramEvery = histogramEvery;
  }

  @Override
  public void onStart(RunContext run) {
    train = EventFileWriter.create(runDir.resolve("train"));
    try {
      test = EventFileWriter.create(runDir.resolve("test"));
    } catch (RuntimeException e) {
      train.close(); // the run stops here: leave no open file behind
      throw e;
    }
    long start = run.progress().startStep();
    if (run.resumed()) {
      train.sessionStart(start);
      test.sessionStart(start);
    }
    train.graph(run.graph().toGraphDef());
    histograms(run, start);
    train.flush();
  }

  /** Every scalar, histogram and image is logged at the number of updates done. */
  @Override
  public void onTrainingMetrics(RunContext run, TrainingMetrics m) {
    train.scalar("loss", m.step(), m.loss());
    train.scalar("accuracy", m.step(), m.accuracy());
    train.scalar("learning_rate", m.step(), m.learningRate());
  }

  @Override
  public void onStep(RunContext run, long stepsDone, long stepNanos) {
    if (stepsDone % histogramEvery == 0) {
      histograms(run, stepsDone);
    }
  }

  @Override
  public void onEvaluation(RunContext run, Evaluation e) {
    test.scalar("loss", e.step(), e.loss());
    test.scalar("accuracy", e.step(), e.accuracy());
    var images = run.data().test();
    Phases.reached("images-" + e.step(), run.stopRequested());
    test.image("predictions", e.step(), PredictionGrid.render(images, e.predicted(),
        run.data().classNames(), PredictionGrid.pick(images, e.predicted(), GRID_IMAGES)));
    train.flush();
    test.flush();
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    if (result.steps() % histogramEvery != 0) {
      histograms(run, result.steps());
    }
    train.close();
    test.close();
  }

  private void histograms(RunContext run, long step) {
    Session.Runner runner = run.session().runner();
    var variables = run.model().trainables();
    variables.forEach(runner::fetch);
    try (Result values = runner.run()) {
      for (int i = 0; i < variables.size(); i++) {
        train.histogram(variables.get(i).op().name(), step, floats((TFloat32) values.get(i)));
      }
    }
  }

  private static float[] floats(TFloat32 tensor) {
    float[] values = new float[(int) tensor.size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }
}
