// Loads a SavedModel with TensorFlow Java 1.15.0 (libtensorflow, the TF1 API: no signature
// functions, so the serving_default SignatureDef is read from the MetaGraphDef and its tensors
// are fed and fetched by name) and scores the test set through it.
//
//   java -cp CLASSPATH Check115 MODEL_DIR DATA_DIR SUMMARY_JSON

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.framework.MetaGraphDef;
import org.tensorflow.framework.SignatureDef;

public final class Check115 {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    TestSet test = TestSet.read(Path.of(args[1]));
    double expected = TestSet.finalTestAccuracy(Path.of(args[2]));
    int correct = 0;
    try (SavedModelBundle model = SavedModelBundle.load(args[0], "serve")) {
      SignatureDef serving = MetaGraphDef.parseFrom(model.metaGraphDef())
          .getSignatureDefOrThrow("serving_default");
      String images = serving.getInputsOrThrow("images").getName();
      String classes = serving.getOutputsOrThrow("classes").getName();
      for (int from = 0; from < test.count(); from += BATCH) {
        int n = Math.min(BATCH, test.count() - from);
        long[] predicted = new long[n];
        try (Tensor<Float> x = Tensor.create(new long[] {n, 28, 28, 1},
            FloatBuffer.wrap(test.pixels(from, n)))) {
          List<Tensor<?>> out = model.session().runner().feed(images, x).fetch(classes).run();
          try (Tensor<?> y = out.get(0)) {
            y.copyTo(predicted);
          }
        }
        for (int i = 0; i < n; i++) {
          correct += predicted[i] == test.label(from + i) ? 1 : 0;
        }
      }
    }
    System.exit(TestSet.verdict("TensorFlow Java 1.15.0 (libtensorflow "
        + org.tensorflow.TensorFlow.version() + ")", correct, test.count(), expected));
  }
}
