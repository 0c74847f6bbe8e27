package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import graphrunner.data.TinyIdx;
import graphrunner.train.NativeBfloat16;
import graphrunner.train.listener.SummaryJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;

/** The new commands and experiments end to end through {@link Main}, on tiny generated data. */
class ConvolutionalCommandsTest {
  @TempDir
  Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ExitCode run(String... args) {
    var console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Main(console).run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String tinyData() {
    return TinyIdx.writeDataset(temp.resolve("data"), 100, 20, 7).toString();
  }

  @Test
  void describeKerasCnnPrintsItsParameterCount() {
    assertEquals(ExitCode.OK, run("describe", "keras-cnn"));
    assertTrue(stdout().contains("Total params: 411,242"), stdout());
  }

  @Test
  void describeCnnBatchnormCountsTheMovingAveragesApart() {
    assertEquals(ExitCode.OK, run("describe", "cnn-batchnorm"));
    assertTrue(stdout().contains("Trainable params: 708,362"), stdout());
    assertTrue(stdout().contains("Non-trainable params: 672"), stdout());
    assertTrue(stdout().contains("batch norm      moving averages updated within each update "
        + "(--batch-norm: two-pass, one-pass)"), stdout());
    assertTrue(stdout().contains("precision       multiplies in bfloat16 on a CPU with bfloat16 "
        + "instructions (this one: " + (NativeBfloat16.available() ? "yes" : "no") + ")"),
        stdout());
  }

  @Test
  void kerasCnnTrainingEndsWithTheClassificationReport() {
    assertEquals(ExitCode.OK, run("train", "keras-cnn", "--steps", "2", "--batch-size", "10",
        "--seed", "1", "--data-dir", tinyData(), "--logdir", temp.resolve("runs").toString(),
        "--export-dir", temp.resolve("models").toString()));
    assertTrue(stdout().contains("confusion matrix"), stdout());
    assertTrue(stdout().contains("micro F1"), stdout());
    assertTrue(stdout().contains("training sample #5: predicted"), stdout());
    assertTrue(stdout().contains("Ankle boot"), stdout());
  }

  @Tag("slow")
  @Test
  void cnnBatchnormTrainsAFewStepsOnTinyData() throws Exception {
    assertEquals(ExitCode.OK, run("train", "cnn-batchnorm", "--steps", "3", "--batch-size", "10",
        "--seed", "1", "--data-dir", tinyData(), "--logdir", temp.resolve("runs").toString(),
        "--export-dir", temp.resolve("models").toString()));
    assertTrue(stdout().contains("cnn-batchnorm completed"), stdout());
    var summary = onlySummary("cnn-batchnorm");
    assertEquals("completed", summary.get("status").getAsString());
    assertEquals(3, summary.get("steps").getAsLong());
  }

  @Test
  void cnnBatchnormTrainsInOnePassAndRecordsHowAndHowFast() throws Exception {
    Path logdir = temp.resolve("one-pass");
    assertEquals(ExitCode.OK, run("train", "cnn-batchnorm", "--steps", "3", "--batch-size", "10",
        "--seed", "1", "--batch-norm", "one-pass", "--inter-op-threads", "1", "--prefetch", "on",
        "--bf16", "on", "--data-dir", tinyData(), "--logdir", logdir.toString(), "--no-export"));
    assertTrue(stderr().contains("bf16: convolutions and matrix multiplies in bfloat16"),
        stderr());
    Path summary;
    try (Stream<Path> files = Files.walk(logdir)) {
      summary = files.filter(p -> p.endsWith("summary.json")).findFirst().orElseThrow();
    }
    var json = com.google.gson.JsonParser.parseString(Files.readString(summary))
        .getAsJsonObject();
    assertEquals("one-pass", json.getAsJsonObject("hyperparameters").get("batch_norm")
        .getAsString());
    assertEquals(1, json.get("inter_op_threads").getAsInt());
    assertTrue(json.get("prefetch").getAsBoolean());
    assertTrue(json.get("bf16").getAsBoolean());
    // what --resume replays: the precision once, explicit, whatever this CPU's default
    var arguments = json.getAsJsonArray("arguments").asList().stream()
        .map(com.google.gson.JsonElement::getAsString).toList();
    assertEquals(1, java.util.Collections.frequency(arguments, "--bf16"), arguments.toString());
    assertEquals("on", arguments.get(arguments.indexOf("--bf16") + 1), arguments.toString());
    assertTrue(json.getAsJsonObject("startup_seconds").get("first step").getAsDouble()
        >= json.getAsJsonObject("startup_seconds").get("graph").getAsDouble(), json.toString());
  }

  @Test
  void batchNormIsRefusedForAnExperimentWithoutBatchNorm() {
    assertEquals(ExitCode.USAGE, run("train", "cnn", "--batch-norm", "one-pass"));
    assertTrue(stderr().contains("cnn has no batch-norm layers"), stderr());
    err.reset();
    assertEquals(ExitCode.USAGE, run("train", "cnn-batchnorm", "--batch-norm", "three-pass"));
    assertTrue(stderr().contains("one-pass"), stderr());
  }

  @Test
  void imeCnnTrainsAFewStepsAndServesWithBothDropoutKnobsAtOne() throws Exception {
    assertEquals(ExitCode.OK, run("train", "ime-cnn", "--steps", "3", "--seed", "1",
        "--data-dir", tinyData(), "--logdir", temp.resolve("runs").toString(),
        "--export-dir", temp.resolve("models").toString()), stderr());
    assertTrue(stdout().contains("ime-cnn completed"), stdout());
    assertEquals(3, onlySummary("ime-cnn").get("steps").getAsLong());
    var graph = SavedModel.parseFrom(Files.readAllBytes(
        temp.resolve("models/ime-cnn/1/saved_model.pb"))).getMetaGraphs(0).getGraphDef();
    for (String knob : new String[] {"pkeep_conv", "pkeep"}) {
      NodeDef node = graph.getNodeList().stream().filter(n -> n.getName().equals(knob))
          .findFirst().orElseThrow(() -> new AssertionError(knob + " missing from the export"));
      assertEquals("PlaceholderWithDefault", node.getOp(), knob);
      NodeDef fallback = graph.getNodeList().stream()
          .filter(n -> n.getName().equals(node.getInput(0))).findFirst().orElseThrow();
      assertEquals(1f, scalar(fallback.getAttrOrThrow("value").getTensor()), knob);
    }
  }

  private static float scalar(TensorProto tensor) {
    return tensor.getFloatValCount() > 0 ? tensor.getFloatVal(0)
        : java.nio.ByteBuffer.wrap(tensor.getTensorContent().toByteArray())
            .order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat();
  }

  private JsonObject onlySummary(String id) throws Exception {
    try (Stream<Path> runs = Files.list(temp.resolve("runs").resolve(id))) {
      List<Path> all = runs.toList();
      assertEquals(1, all.size(), all.toString());
      return SummaryJson.read(all.get(0));
    }
  }

  @Test
  void mnistExperimentsFailWithOneDataLineWhenNoMnistIsThere() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("no-mnist"));
    for (String id : new String[] {"mnist-softmax", "mnist-cnn"}) {
      err.reset();
      assertEquals(ExitCode.DATA, run("train", id, "--data-dir", empty.toString()));
      String message = stderr().strip();
      assertEquals(1, message.lines().count(), message);
      assertTrue(message.startsWith("graph-runner: ") && message.contains("--data-dir"), message);
    }
  }

  @Test
  void initIsRefusedForAnExperimentWithoutInitialiserChoices() {
    assertEquals(ExitCode.USAGE, run("train", "cnn", "--init", "msra"));
    assertTrue(stderr().contains("offers no choice"), stderr());
  }

  @Test
  void initMustBeOneOfTheExperimentsChoices() {
    assertEquals(ExitCode.USAGE, run("train", "mnist-cnn", "--init", "uniform"));
    assertTrue(stderr().contains("normal, xavier, msra"), stderr());
  }

  @Tag("slow")
  @Test
  void sweepOnTinyDataWritesTheTableAsMarkdownAndCsv() throws Exception {
    Path logdir = temp.resolve("runs");
    assertEquals(ExitCode.OK, run("sweep", "--steps", "2", "--eval-every", "1", "--seed", "3",
        "--data-dir", tinyData(), "--logdir", logdir.toString()));
    Path runDir;
    try (Stream<Path> dirs = Files.list(logdir.resolve("sweep"))) {
      runDir = dirs.findFirst().orElseThrow();
    }
    String md = Files.readString(runDir.resolve("sweep.md"));
    assertTrue(md.contains("| 0.0003 → 0.0001 |") && md.contains("(0.8891)"), md);
    var csv = Files.readAllLines(runDir.resolve("sweep.csv"));
    assertEquals(10, csv.size(), String.join("\n", csv));
    assertTrue(csv.get(0).startsWith("layers,lr_max"));
    assertTrue(csv.get(9).startsWith("7,0.0003,0.0001,2,"), csv.get(9));
  }

  @Test
  void examplesCommandMarksEveryExampleAsMatching() {
    assertEquals(ExitCode.OK, run("examples"));
    assertTrue(stdout().contains("8/8 examples match the slides"), stdout());
    assertTrue(!stdout().contains("✗"), stdout());
  }
}
