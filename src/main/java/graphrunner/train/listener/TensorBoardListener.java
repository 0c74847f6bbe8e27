package graphrunner.train.listener;

import graphrunner.Phases;
import graphrunner.data.LabeledImages;
import graphrunner.images.PredictionGrid;
import graphrunner.tensorboard.EventFileWriter;
import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingMetrics;
import graphrunner.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * TensorBoard logs in the Keras callback's layout: {@code <run>/train/} gets the graph, the
 * training loss, accuracy and learning rate, and histograms of every weight and bias;
 * {@code <run>/test/} gets the test loss and accuracy and a grid of test images with their
 * predictions (misclassified first) at each evaluation. Flushed at every evaluation and at the end.
 * A resumed run appends new files to the same folders.
 *
 * <p>The values are taken on the training thread, at their step; turning them into events
 * (rendering and encoding the image grid: 40 ms an evaluation, 200 ms the first; bucketing
 * histograms) and writing them happen on a {@link WriterThread}, in order. A write that fails
 * ends the run at its next step, as it did when the writes were made in the loop.
 */
public final class TensorBoardListener implements TrainingListener {
  private static final int GRID_IMAGES = 100;
  private final Path runDir;
  private final int histogramEvery;
  private final WriterThread writes = new WriterThread("tensorboard-writer");
  private EventFileWriter train;
  private EventFileWriter test;

  /** @param histogramEvery steps between weight histograms (and one at the start and the end) */
  public TensorBoardListener(Path runDir, int histogramEvery) {
    this.runDir = runDir;
    this.histogramEvery = histogramEvery;
    // while the graph is built: the first image grid and GraphDef otherwise pay for loading
    // fonts, the PNG encoder and TensorFlow's protobuf descriptors (≈0.2 s) before step 1
    writes.submit(TensorBoardListener::warmUp);
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
    GraphDef graph = run.graph().toGraphDef();
    writes.submit(() -> train.graph(graph));
    histograms(run, start);
    writes.submit(train::flush);
  }

  /** Every scalar, histogram and image is logged at the number of updates done. */
  @Override
  public void onTrainingMetrics(RunContext run, TrainingMetrics m) {
    writes.submit(() -> {
      train.scalar("loss", m.step(), m.loss());
      train.scalar("accuracy", m.step(), m.accuracy());
      train.scalar("learning_rate", m.step(), m.learningRate());
    });
  }

  @Override
  public void onStep(RunContext run, long stepsDone, long stepNanos) {
    if (stepsDone % histogramEvery == 0) {
      histograms(run, stepsDone);
    }
  }

  @Override
  public void onEvaluation(RunContext run, Evaluation e) {
    LabeledImages images = run.data().test();
    List<String> classNames = run.data().classNames();
    Phases.reached("images-" + e.step(), run.stopRequested());
    writes.submit(() -> {
      test.scalar("loss", e.step(), e.loss());
      test.scalar("accuracy", e.step(), e.accuracy());
      test.image("predictions", e.step(), PredictionGrid.render(images, e.predicted(),
          classNames, PredictionGrid.pick(images, e.predicted(), GRID_IMAGES)));
      train.flush();
      test.flush();
    });
  }

  /** Waits for the pending writes, then closes the files: everything logged is on disk. */
  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    try {
      if (result.steps() % histogramEvery != 0) {
        histograms(run, result.steps());
      }
      writes.drain();
    } finally {
      writes.close();
      train.close();
      test.close();
    }
  }

  /** The trainable variables' values now; their histograms are made on the writer thread. */
  private void histograms(RunContext run, long step) {
    Session.Runner runner = run.session().runner();
    var variables = run.model().trainables();
    variables.forEach(runner::fetch);
    List<String> names = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    try (Result fetched = runner.run()) {
      for (int i = 0; i < variables.size(); i++) {
        names.add(variables.get(i).op().name());
        values.add(floats((TFloat32) fetched.get(i)));
      }
    }
    writes.submit(() -> {
      for (int i = 0; i < names.size(); i++) {
        train.histogram(names.get(i), step, values.get(i));
      }
    });
  }

  private static float[] floats(TFloat32 tensor) {
    float[] values = new float[(int) tensor.size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }

  private static void warmUp() {
    try {
      var blank = new LabeledImages(new byte[28 * 28], new byte[1], 28, 28);
      EventFileWriter.png(PredictionGrid.render(blank, new long[1], List.of("warm-up"),
          List.of(0)));
      GraphDef.getDefaultInstance();
    } catch (RuntimeException e) {
      // nothing is lost: the first real grid reports whatever went wrong here
    }
  }
}
