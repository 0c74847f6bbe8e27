// Shared by the compatibility checkers (compiled with each, against no TensorFlow at all): the
// Fashion-MNIST test set read from raw or gzipped IDX files, scoring, and the run's figure.

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

final class TestSet {
  static final int PIXELS = 28 * 28;
  final byte[] images;
  final byte[] labels;

  private TestSet(byte[] images, byte[] labels) {
    this.images = images;
    this.labels = labels;
  }

  /** {@code t10k-*-ubyte} or {@code t10k-*-ubyte.gz} in {@code dir}. */
  static TestSet read(Path dir) throws IOException {
    return new TestSet(idxBody(dir, "t10k-images-idx3-ubyte", 3),
        idxBody(dir, "t10k-labels-idx1-ubyte", 1));
  }

  int count() {
    return labels.length;
  }

  /** Images {@code from .. from+n} as [0,1] floats, the way the model was trained on them. */
  float[] pixels(int from, int n) {
    float[] out = new float[n * PIXELS];
    for (int i = 0; i < out.length; i++) {
      out[i] = (images[from * PIXELS + i] & 0xFF) / 255f;
    }
    return out;
  }

  int label(int i) {
    return labels[i] & 0xFF;
  }

  private static byte[] idxBody(Path dir, String name, int dims) throws IOException {
    Path raw = dir.resolve(name);
    Path gz = dir.resolve(name + ".gz");
    InputStream file = Files.exists(raw) ? Files.newInputStream(raw)
        : new GZIPInputStream(Files.newInputStream(gz));
    try (var in = new DataInputStream(new BufferedInputStream(file))) {
      in.readInt(); // magic: type and rank, checked by graph-runner when it trained
      int size = 1;
      for (int d = 0; d < dims; d++) {
        size *= in.readInt();
      }
      return in.readNBytes(size);
    }
  }

  /** {@code "final_test_accuracy": 0.8930} from a run's summary.json (no JSON library here). */
  static double finalTestAccuracy(Path summary) throws IOException {
    Matcher m = Pattern.compile("\"final_test_accuracy\"\\s*:\\s*([0-9.eE+-]+)")
        .matcher(Files.readString(summary));
    if (!m.find()) {
      throw new IOException(summary + " has no final_test_accuracy");
    }
    return Double.parseDouble(m.group(1));
  }

  /** Prints the verdict; 0 when the served accuracy is the run's to 3 decimals, else 1. */
  static int verdict(String runtime, int correct, int total, double expected) {
    double served = (double) correct / total;
    boolean same = String.format("%.3f", served).equals(String.format("%.3f", expected));
    System.out.printf("%s: served accuracy %.4f (%d of %d), run's final_test_accuracy %.4f: %s%n",
        runtime, served, correct, total, expected, same ? "same to 3 decimals" : "MISMATCH");
    return same ? 0 : 1;
  }
}
