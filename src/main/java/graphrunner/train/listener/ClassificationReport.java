package graphrunner.train.listener;

import graphrunner.data.LabeledImages;
import graphrunner.metrics.ConfusionMatrix;
import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import java.io.PrintStream;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Deck 002's report after {@code model.fit}: test loss and accuracy, the confusion matrix with
 * class names, per-class precision/recall/F1, micro F1, and the prediction for one training image.
 */
public final class ClassificationReport implements TrainingListener {
  private final PrintStream out;
  private final int sample;
  private Evaluation last;

  /** @param sample the 0-based index of the training image whose prediction is shown */
  public ClassificationReport(PrintStream out, int sample) {
    this.out = out;
    this.sample = sample;
  }

  @Override
  public void onEvaluation(RunContext run, Evaluation evaluation) {
    last = evaluation;
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    if (last == null) {
      return;
    }
    List<String> names = run.data().classNames();
    LabeledImages test = run.data().test();
    int[] labels = new int[test.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = test.label(i);
    }
    var matrix = ConfusionMatrix.of(names, labels, last.predicted());
    out.printf("test loss %.4f, test accuracy %.4f (step %,d)%n", last.loss(), last.accuracy(),
        last.step());
    out.println("confusion matrix (rows: true class, columns: predicted)");
    out.print(matrix.format());
    out.print(matrix.formatScores());
    out.printf("micro F1 %.4f%n", matrix.microF1());
    int predicted = predictTrainingImage(run);
    out.printf("training sample #%d: predicted %d (%s), label %d (%s)%n", sample, predicted,
        names.get(predicted), run.data().train().label(sample),
        names.get(run.data().train().label(sample)));
  }

  private int predictTrainingImage(RunContext run) {
    LabeledImages train = run.data().train();
    float[] pixels = new float[train.pixelsPerImage()];
    train.copyImages(new int[] {sample}, 0, 1, pixels);
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(1, train.rows(), train.cols(), 1),
            DataBuffers.of(pixels, true, false));
        Result r = run.session().runner().feed(run.model().images(), x)
            .fetch(run.model().classes()).run()) {
      return (int) ((TInt64) r.get(0)).getLong(0);
    }
  }
}
