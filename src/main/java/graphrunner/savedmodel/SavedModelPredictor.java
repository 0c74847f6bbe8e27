package graphrunner.savedmodel;

import graphrunner.DamagedSavedModel;
import graphrunner.UntrustedSavedModel;
import graphrunner.data.LabeledImages;
import graphrunner.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Runs an exported model through its {@code serving_default} signature and nothing else: no
 * experiment class, no knowledge of how the graph was built. It is the proof that an export
 * stands on its own.
 */
public final class SavedModelPredictor implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction serving;
  private final List<String> classNames;
  private final boolean labelled;

  /** A model whose serving path touches files, processes or the network is refused. */
  public SavedModelPredictor(Path dir) {
    this(dir, false);
  }

  /**
   * @param trusted serve even a model whose serving path runs a {@link RiskyOps risky op}
   *     ({@code --trust-model})
   */
  public SavedModelPredictor(Path dir, boolean trusted) {
    Path model = SavedModelDirectory.resolve(dir);
    var savedModel = SavedModelReader.read(model);
    if (!trusted) {
      refuseRiskyServingPath(model, savedModel);
    }
    try {
      bundle = SavedModelBundle.load(model.toString(), "serve");
    } catch (RuntimeException e) {
      throw new DamagedSavedModel(model + " cannot be loaded: " + e.getMessage());
    }
    try {
      serving = bundle.function(SavedModelExporter.SIGNATURE);
      labelled = Files.isRegularFile(model.resolve(SavedModelExporter.LABELS));
      classNames = readLabels(model);
      checkClassCount(model, serving, classNames);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  /** As many class names as the signature has probabilities, or nothing can be named. */
  private static void checkClassCount(Path model, SessionFunction serving, List<String> names) {
    var probabilities = serving.signature().getOutputs().get("probabilities");
    if (probabilities == null || probabilities.shape.numDimensions() != 2) {
      throw new DamagedSavedModel(model + ": its signature has no [n, classes] probabilities");
    }
    long classes = probabilities.shape.size(1);
    if (classes > 0 && classes != names.size()) {
      throw new DamagedSavedModel(model + ": " + SavedModelExporter.LABELS + " names "
          + names.size() + " classes, its signature gives " + classes + " probabilities");
    }
  }

  private static void refuseRiskyServingPath(Path model, SavedModel savedModel) {
    for (var meta : savedModel.getMetaGraphsList()) {
      List<ServingPathAudit.Finding> risky = ServingPathAudit.findings(meta);
      if (!risky.isEmpty()) {
        throw new UntrustedSavedModel("refusing to serve " + model + ": its serving path "
            + "runs " + risky.get(0) + (risky.size() > 1 ? " and " + (risky.size() - 1)
            + " more" : "") + "; add --trust-model if you trust where it came from");
      }
    }
  }

  public List<String> classNames() {
    return classNames;
  }

  /** Whether the class names came with the model ({@code assets/labels.txt}), not numbered. */
  public boolean labelled() {
    return labelled;
  }

  /** Probabilities {@code [n][10]} for {@code n} images given as [0,1] floats, 784 each. */
  public float[][] probabilities(float[] pixels, int n) {
    try (TFloat32 images = TFloat32.tensorOf(Shape.of(n, 28, 28, 1),
            DataBuffers.of(pixels, true, false));
        Result result = serving.call(Map.of("images", images))) {
      TFloat32 probabilities = (TFloat32) result.get("probabilities").orElseThrow();
      float[][] out = new float[n][classNames.size()];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < out[i].length; c++) {
          out[i][c] = probabilities.getFloat(i, c);
        }
      }
      return out;
    }
  }

  /** The predicted class of each of {@code n} images. */
  public long[] classes(float[] pixels, int n) {
    try (TFloat32 images = TFloat32.tensorOf(Shape.of(n, 28, 28, 1),
            DataBuffers.of(pixels, true, false));
        Result result = serving.call(Map.of("images", images))) {
      TInt64 classes = (TInt64) result.get("classes").orElseThrow();
      return IntStream.range(0, n).mapToLong(classes::getLong).toArray();
    }
  }

  /** Accuracy and confusion matrix over a whole split, in batches. */
  public ConfusionMatrix evaluate(LabeledImages images, int batchSize) {
    var matrix = new ConfusionMatrix(classNames);
    float[] pixels = new float[batchSize * images.pixelsPerImage()];
    for (int from = 0; from < images.count(); from += batchSize) {
      int n = Math.min(batchSize, images.count() - from);
      images.copyImages(from, n, pixels);
      long[] predicted = classes(n == batchSize ? pixels
          : java.util.Arrays.copyOf(pixels, n * images.pixelsPerImage()), n);
      for (int i = 0; i < n; i++) {
        matrix.add(images.label(from + i), (int) predicted[i]);
      }
    }
    return matrix;
  }

  private static List<String> readLabels(Path model) {
    Path labels = model.resolve(SavedModelExporter.LABELS);
    try {
      if (Files.isRegularFile(labels)) {
        return List.copyOf(Files.readAllLines(labels, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // fall through to numbered classes
    }
    List<String> numbered = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> numbered.add(Integer.toString(i)));
    return numbered;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
