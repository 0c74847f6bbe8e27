package graphrunner.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.NotASavedModel;
import graphrunner.data.DataSplits;
import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.images.ImageFiles;
import graphrunner.train.RunConfig;
import graphrunner.train.RunContext;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import graphrunner.train.CheckpointExport;
import graphrunner.train.CheckpointPolicy;
import graphrunner.train.Checkpoints;
import graphrunner.train.listener.CheckpointListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A trained fc5 with dropout, exported twice, loaded back in this JVM and in another one. */
class SavedModelExportTest {
  private static final int BATCH = 64;
  private static final String ABANDONED = "fc5-relu-decay-dropout/.tmp-2147483647-0";
  @TempDir static Path dataDir;
  @TempDir static Path root;
  static DataSplits tiny;
  static final List<Path> exports = new ArrayList<>();
  static float[][] trainingSessionProbabilities;
  static TrainingResult result;

  /** Runs the first test batch through the training session, with the knobs at their defaults. */
  static final class ProbeBatch implements TrainingListener {
    @Override
    public void onEnd(RunContext run, TrainingResult r) {
      result = r;
      try (TFloat32 x = TFloat32.tensorOf(Shape.of(BATCH, 28, 28, 1),
              DataBuffers.of(firstTestImages(), true, false));
          Result out = run.session().runner().feed(run.model().images(), x)
              .fetch(run.model().probabilities()).run()) {
        trainingSessionProbabilities = toArrays((TFloat32) out.get(0));
      }
    }
  }

  @BeforeAll
  static void trainAndExportTwice() throws Exception {
    TinyIdx.writeDataset(dataDir, 400, 100, 4);
    tiny = DataSplitsReader.read(Dataset.FASHION_MNIST, DatasetFolder.require(dataDir, "t"));
    for (int run = 0; run < 2; run++) {
      if (run == 1) {
        // what a process killed mid-export leaves: its pid is not alive
        Files.createDirectories(root.resolve(ABANDONED).resolve("variables"));
      }
      var experiment = Catalogue.experiment("fc5-relu-decay-dropout");
      var config = RunConfig.of(experiment.defaults().withSteps(60), 11).withEvalEvery(30);
      Path runDir = Files.createTempDirectory(dataDir, "run");
      var checkpoints = new Checkpoints(runDir);
      var listeners = List.of(new ProbeBatch(),
          new CheckpointListener(checkpoints, CheckpointPolicy.DEFAULT));
      new Trainer(listeners, () -> false).train(experiment, tiny, config,
          SessionFactory.forRun(config, () -> {}));
      exports.add(CheckpointExport.export(experiment.id(), config.hyperparameters(),
          config.seed(), checkpoints.newest().orElseThrow(), tiny.classNames(), root,
          () -> false));
    }
  }

  static float[] firstTestImages() {
    float[] pixels = new float[BATCH * 784];
    tiny.test().copyImages(0, BATCH, pixels);
    return pixels;
  }

  static float[][] toArrays(TFloat32 probabilities) {
    float[][] out = new float[(int) probabilities.shape().get(0)][10];
    for (int i = 0; i < out.length; i++) {
      for (int c = 0; c < 10; c++) {
        out[i][c] = probabilities.getFloat(i, c);
      }
    }
    return out;
  }

  @Test
  void exportUsesTheServingLayoutWithIncreasingVersions() {
    Path parent = root.resolve("fc5-relu-decay-dropout");
    assertEquals(List.of(parent.resolve("1"), parent.resolve("2")), exports);
    for (Path version : exports) {
      assertTrue(Files.isRegularFile(version.resolve("saved_model.pb")));
      assertTrue(Files.isRegularFile(version.resolve("variables/variables.index")));
      assertTrue(Files.isRegularFile(version.resolve(SavedModelExporter.LABELS)));
    }
  }

  @Test
  void theNextExportRemovesTemporariesOfKilledProcesses() {
    assertTrue(Files.notExists(root.resolve(ABANDONED)));
  }

  @Test
  void exportedModelPredictsLikeTheTrainingSessionWithDropoutOff() {
    try (var predictor = new SavedModelPredictor(exports.get(1))) {
      float[][] served = predictor.probabilities(firstTestImages(), BATCH);
      for (int i = 0; i < BATCH; i++) {
        assertArrayEquals(trainingSessionProbabilities[i], served[i], 1e-6f, "image " + i);
      }
    }
  }

  @Test
  void servedAccuracyEqualsTheRunsFinalEvaluation() {
    try (var predictor = new SavedModelPredictor(exports.get(1))) {
      assertEquals(result.finalTestAccuracy(), predictor.evaluate(tiny.test(), 30).accuracy());
    }
  }

  @Test
  void signatureDeclaresImagesAndThreeOutputs() {
    try (var bundle = SavedModelBundle.load(exports.get(0).toString(), "serve")) {
      var signature = bundle.function(SavedModelExporter.SIGNATURE).signature();
      assertEquals("tensorflow/serving/predict", signature.methodName());
      // Shape.equals never equates unknown dimensions: compare the dimensions themselves
      assertArrayEquals(new long[] {-1, 28, 28, 1},
          signature.getInputs().get("images").shape.asArray());
      assertArrayEquals(new long[] {-1, 10},
          signature.getOutputs().get("probabilities").shape.asArray());
      assertArrayEquals(new long[] {-1, 10}, signature.getOutputs().get("logits").shape.asArray());
      assertArrayEquals(new long[] {-1}, signature.getOutputs().get("classes").shape.asArray());
    }
  }

  @Test
  void inspectorListsSignatureAndVariables() {
    String text = SavedModelInspector.describe(root.resolve("fc5-relu-decay-dropout"));
    assertTrue(text.contains("SavedModel: " + exports.get(1)), "highest version chosen");
    for (String expected : List.of("tag-set: 'serve'", "signature_def['serving_default']",
        "inputs['images']", "shape: (-1, 28, 28, 1)", "outputs['classes']", "DT_INT64",
        "Method name is: tensorflow/serving/predict", "layer1/W1", "(784, 200)",
        "saved_model_schema_version: 1", "stripped_default_attrs: true", "tensorflow_version: 2.",
        "stripped_op_list: ", "MatMul", "saver_def: version V2")) {
      assertTrue(text.contains(expected), expected + " in\n" + text);
    }
  }

  @Test
  void exportHasNoDefaultValuedAttributes() throws IOException {
    var meta = savedModel(exports.get(0)).getMetaGraphs(0);
    var matMuls = meta.getGraphDef().getNodeList().stream()
        .filter(n -> n.getOp().equals("MatMul")).toList();
    assertFalse(matMuls.isEmpty());
    for (var node : matMuls) {
      assertFalse(node.getAttrMap().containsKey("grad_a"), node.getName());
      assertFalse(node.getAttrMap().containsKey("grad_b"), node.getName());
      assertFalse(node.getAttrMap().containsKey("transpose_a"), node.getName());
    }
    for (var node : meta.getGraphDef().getNodeList()) {
      assertEquals(node, DefaultAttributes.strip(node, OpRegistry.registered()), node.getName());
    }
  }

  @Test
  void exportRecordsWhatTfPythonRecords() throws IOException {
    var model = savedModel(exports.get(0));
    assertEquals(1, model.getSavedModelSchemaVersion());
    var info = model.getMetaGraphs(0).getMetaInfoDef();
    assertTrue(info.getStrippedDefaultAttrs());
    assertEquals(List.of("serve"), info.getTagsList());
    assertTrue(info.getTensorflowVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
        info.getTensorflowVersion());
    assertEquals("fc5-relu-decay-dropout", info.getMetaGraphVersion());
    var ops = info.getStrippedOpList().getOpList().stream().map(op -> op.getName()).toList();
    assertTrue(ops.containsAll(List.of("MatMul", "Softmax", "Placeholder", "SaveV2")), ops.toString());
    assertEquals(ops.stream().sorted().toList(), ops);
    assertTrue(info.getStrippedOpList().getOpList().stream()
        .allMatch(op -> op.getSummary().isEmpty() && op.getDescription().isEmpty()));
    assertEquals(org.tensorflow.proto.SaverDef.CheckpointFormatVersion.V2,
        model.getMetaGraphs(0).getSaverDef().getVersion());
  }

  @Test
  void noTemporaryFileIsLeftInTheExport() throws IOException {
    try (Stream<Path> files = Files.walk(exports.get(0))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }
  }

  private static org.tensorflow.proto.SavedModel savedModel(Path dir) throws IOException {
    return org.tensorflow.proto.SavedModel.parseFrom(
        Files.readAllBytes(dir.resolve("saved_model.pb")));
  }

  @Test
  void aDirectoryWithoutSavedModelIsNotASavedModel(@TempDir Path empty) {
    var error = org.junit.jupiter.api.Assertions.assertThrows(NotASavedModel.class,
        () -> SavedModelInspector.describe(empty));
    assertTrue(error.getMessage().startsWith(empty + " is not a SavedModel"), error.getMessage());
  }

  @Test
  void predictorReadsPngFilesLikeTheTestImages(@TempDir Path pngs) throws IOException {
    var image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        image.getRaster().setSample(x, y, 0, tiny.test().pixel(0, y, x));
      }
    }
    Path png = pngs.resolve("first.png");
    ImageIO.write(image, "png", png.toFile());
    try (var predictor = new SavedModelPredictor(exports.get(1))) {
      float[] fromFile = ImageFiles.read(png, new boolean[1]);
      assertArrayEquals(trainingSessionProbabilities[0], predictor.probabilities(fromFile, 1)[0],
          1e-5f);
    }
  }

  @Tag("slow")
  @Test
  void aSecondJvmLoadsTheExportWithPlainTensorFlowJava() throws Exception {
    var process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        "tools/LoadSavedModel.java", exports.get(1).toString(), dataDir.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    String expected = String.format("test accuracy %.4f", result.finalTestAccuracy());
    assertTrue(output.contains(expected), expected + " in " + output);
  }

  @Tag("slow")
  @Test
  void sigkillInsideAnExportLeavesNoVersionAndTheNextExportClearsUp(@TempDir Path killRoot)
      throws Exception {
    var process = new ProcessBuilder(javaBinary(), "-Dgraphrunner.pauseAt=export", "-cp",
        System.getProperty("java.class.path"), ExportOnce.class.getName(), killRoot.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      var stderr = new java.io.BufferedReader(new java.io.InputStreamReader(
          process.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = stderr.readLine();
      } while (line != null && !line.equals("graph-runner: paused at export"));
      assertEquals("graph-runner: paused at export", line, "the child reached the export");
      Path parent = killRoot.resolve("loop");
      List<Path> staged = children(parent);
      assertEquals(1, staged.size(), staged.toString());
      assertTrue(staged.get(0).getFileName().toString().startsWith(".tmp-"));
      assertTrue(Files.isRegularFile(staged.get(0).resolve("saved_model.pb")), "mid-export");
    } finally {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));

    Path parent = killRoot.resolve("loop");
    assertTrue(children(parent).stream()
        .noneMatch(p -> p.getFileName().toString().matches("\\d+")), "no version appeared");
    SavedModelExporter.checkWritable(killRoot, "loop"); // what the next train does first
    assertEquals(List.of(), children(parent));
  }

  private static List<Path> children(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
