// Loads a SavedModel with TensorFlow Java 0.3.3 (tensorflow-core-api, TF 2.4) and scores the test
// set through its serving_default signature function.
//
//   java -cp CLASSPATH Check033 MODEL_DIR DATA_DIR SUMMARY_JSON

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

public final class Check033 {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    TestSet test = TestSet.read(Path.of(args[1]));
    double expected = TestSet.finalTestAccuracy(Path.of(args[2]));
    int correct = 0;
    try (SavedModelBundle model = SavedModelBundle.load(args[0], "serve")) {
      ConcreteFunction serving = model.function("serving_default");
      for (int from = 0; from < test.count(); from += BATCH) {
        int n = Math.min(BATCH, test.count() - from);
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, 28, 28, 1),
            DataBuffers.of(test.pixels(from, n), true, false))) {
          Map<String, Tensor> out = serving.call(Map.of("images", x));
          try {
            TInt64 classes = (TInt64) out.get("classes");
            for (int i = 0; i < n; i++) {
              correct += classes.getLong(i) == test.label(from + i) ? 1 : 0;
            }
          } finally {
            out.values().forEach(Tensor::close); // every output, fetched or not
          }
        }
      }
    }
    System.exit(TestSet.verdict("TensorFlow Java 0.3.3 (TensorFlow "
        + org.tensorflow.TensorFlow.version() + ")", correct, test.count(), expected));
  }
}
