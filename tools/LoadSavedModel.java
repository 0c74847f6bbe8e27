// A program that knows nothing of graph-runner: it loads a SavedModel with plain TensorFlow Java,
// calls its serving_default signature on the IDX test set of a data folder, batch by batch, and
// prints the accuracy and the throughput. Run it with Java's single-file launcher and TensorFlow
// Java on the class path:
//
//   java -cp "target/lib/*" tools/LoadSavedModel.java models/fc5-relu-decay/1 DATA_DIR [BATCH]
//
// DATA_DIR holds t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or .gz. BATCH (default
// 100) bounds memory: the set's raw bytes (8 MB for 10,000 images), one batch of floats and the
// model's activations for one batch. Measured peak RSS of the whole JVM (TensorFlow's 600 MB
// native library mapped in, and this file compiled in memory): 448 MB for cnn-batchnorm at 100,
// 548 MB at 250, 668 MB at 1000; fc5-relu-decay 406 MB at 1000.

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

public class LoadSavedModel {
  private static final int PIXELS = 28 * 28;

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[1]);
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    byte[] images = idxBody(data, "t10k-images-idx3-ubyte", 3);
    byte[] labels = idxBody(data, "t10k-labels-idx1-ubyte", 1);
    int n = labels.length;
    int correct = 0;
    long start;
    try (SavedModelBundle model = SavedModelBundle.load(args[0], "serve")) {
      SessionFunction serving = model.function("serving_default");
      start = System.nanoTime();
      float[] pixels = new float[batch * PIXELS];
      for (int from = 0; from < n; from += batch) {
        int count = Math.min(batch, n - from);
        for (int i = 0; i < count * PIXELS; i++) {
          pixels[i] = (images[from * PIXELS + i] & 0xFF) / 255f;
        }
        try (TFloat32 input = TFloat32.tensorOf(Shape.of(count, 28, 28, 1),
                DataBuffers.of(pixels, true, false).narrow(count * PIXELS));
            Result out = serving.call(Map.of("images", input))) {
          TInt64 classes = (TInt64) out.get("classes").orElseThrow();
          for (int i = 0; i < count; i++) {
            correct += classes.getLong(i) == (labels[from + i] & 0xFF) ? 1 : 0;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("test accuracy %.4f (%d of %d)%n", (double) correct / n, correct, n);
    System.out.printf("throughput %.0f images/s (%d images in %.2f s, batches of %d)%n",
        n / seconds, n, seconds, batch);
  }

  /** The body of an IDX file, {@code name} raw or {@code name.gz}. */
  private static byte[] idxBody(Path dir, String name, int dims) throws IOException {
    Path raw = dir.resolve(name);
    InputStream file = Files.exists(raw) ? Files.newInputStream(raw)
        : new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")));
    try (var in = new DataInputStream(new BufferedInputStream(file))) {
      in.readInt(); // magic
      int size = 1;
      for (int d = 0; d < dims; d++) {
        size *= in.readInt();
      }
      return in.readNBytes(size);
    }
  }
}
