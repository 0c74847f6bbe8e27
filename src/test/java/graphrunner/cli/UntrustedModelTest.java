package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.TinyIdx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A hand-built classifier whose serving path reads a file (its logits add the file's length): the
 * kind of SavedModel that reads, at serving time, the files of whoever serves it.
 */
class UntrustedModelTest {
  @TempDir static Path dir;
  static Path model;
  static Path tinyData;

  @BeforeAll
  static void exportAModelThatReadsAFile() throws Exception {
    tinyData = TinyIdx.writeDataset(dir.resolve("data"), 50, 20, 3);
    Path secret = Files.writeString(dir.resolve("secret.txt"), "password");
    model = dir.resolve("model");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var images = tf.withName("images").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      var read = tf.withName("exfiltrate").io.readFile(tf.constant(secret.toString()));
      tf.withName("unused_read").io.readFile(tf.constant(secret.toString())); // off the path
      var length = tf.dtypes.cast(tf.strings.stringLength(read.contents()), TFloat32.class);
      var w = tf.withName("W").variable(tf.zeros(tf.constant(new long[] {784, 10}),
          TFloat32.class));
      var logits = tf.math.add(tf.linalg.matMul(
          tf.reshape(images, tf.constant(new long[] {-1, 784})), w), length);
      var probabilities = tf.nn.softmax(logits);
      var classes = tf.math.argMax(logits, tf.constant(1), TInt64.class);
      try (Session session = new Session(graph)) {
        session.initialize();
        SavedModelBundle.exporter(model.toString()).withTags("serve").withSession(session)
            .withSignature(Signature.builder().key("serving_default").input("images", images)
                .output("probabilities", probabilities).output("classes", classes).build())
            .export();
      }
    }
  }

  @Test
  void predictRefusesAModelThatReadsAFileOnItsServingPath() {
    var run = CliRun.of("predict", model.toString(), "--data-dir", tinyData.toString());
    assertEquals(ExitCode.DATA, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("ReadFile (node 'exfiltrate'"), run.err());
    assertTrue(run.err().contains("--trust-model"), run.err());
  }

  @Test
  void predictServesItWhenTrusted() {
    var run = CliRun.of("predict", model.toString(), "--trust-model", "--dataset",
        "fashion-mnist", "--data-dir", tinyData.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.out().contains("test accuracy"), run.out());
  }

  @Test
  void inspectListsTheReadFileOnTheServingPathOnly() {
    var run = CliRun.of("inspect", model.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.out().contains("touch files, processes or the network: 1"), run.out());
    assertTrue(run.out().contains("ReadFile (node 'exfiltrate', reads files)"), run.out());
    assertFalse(run.out().contains("unused_read"), run.out());
  }
}
