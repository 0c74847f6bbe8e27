package graphrunner.train;

import graphrunner.data.LabeledImages;
import graphrunner.graph.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Evaluates the model on the whole test set in large batches. The test tensors never change, so
 * they are built once and fed again at every evaluation.
 */
public final class TestSetEvaluator implements AutoCloseable {
  private final List<TFloat32> imageBatches = new ArrayList<>();
  private final List<TFloat32> labelBatches = new ArrayList<>();
  private final int[] labels;

  public TestSetEvaluator(LabeledImages test, int batchSize) {
    int count = test.count();
    this.labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = test.label(i);
    }
    int size = test.pixelsPerImage();
    for (int from = 0; from < count; from += batchSize) {
      int n = Math.min(batchSize, count - from);
      float[] pixels = new float[n * size];
      test.copyImages(from, n, pixels);
      float[] oneHot = new float[n * 10];
      for (int i = 0; i < n; i++) {
        oneHot[i * 10 + test.label(from + i)] = 1f;
      }
      imageBatches.add(TFloat32.tensorOf(Shape.of(n, test.rows(), test.cols(), 1),
          DataBuffers.of(pixels, true, false)));
      labelBatches.add(TFloat32.tensorOf(Shape.of(n, 10), DataBuffers.of(oneHot, true, false)));
    }
  }

  /**
   * Mean test loss, the exact share classified right, and every image's predicted class. Gives up
   * between batches once {@code stopRequested} says so (empty then): a whole evaluation of a large
   * CNN takes seconds, longer than a user waits after Ctrl-C.
   */
  public Optional<Evaluation> evaluate(Session session, Model model, long step,
      BooleanSupplier stopRequested) {
    double lossSum = 0;
    long correct = 0;
    long[] predicted = new long[labels.length];
    int offset = 0;
    for (int b = 0; b < imageBatches.size(); b++) {
      if (stopRequested.getAsBoolean()) {
        return Optional.empty();
      }
      try (Result r = session.runner()
          .feed(model.images(), imageBatches.get(b))
          .feed(model.labels(), labelBatches.get(b))
          .fetch(model.loss()).fetch(model.classes())
          .run()) {
        int n = (int) imageBatches.get(b).shape().get(0);
        lossSum += ((TFloat32) r.get(0)).getFloat() * n;
        TInt64 classes = (TInt64) r.get(1);
        for (int i = 0; i < n; i++) {
          predicted[offset + i] = classes.getLong(i);
          correct += predicted[offset + i] == labels[offset + i] ? 1 : 0;
        }
        offset += n;
      }
    }
    return Optional.of(new Evaluation(step, lossSum / labels.length,
        (double) correct / labels.length, predicted));
  }

  @Override
  public void close() {
    imageBatches.forEach(TFloat32::close);
    labelBatches.forEach(TFloat32::close);
  }
}
