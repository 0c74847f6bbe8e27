package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import graphrunner.data.TinyIdx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir static Path tinyData;
  @TempDir Path logdir;
  @TempDir Path models;

  @BeforeAll
  static void writeTinyData() throws Exception {
    TinyIdx.writeDataset(tinyData, 300, 100, 3);
  }

  private CliRun train(String... extra) {
    var args = new java.util.ArrayList<>(List.of("train", "softmax", "--data-dir",
        tinyData.toString(), "--logdir", logdir.toString(), "--export-dir", models.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonObject onlySummary(Path logdir) throws Exception {
    try (Stream<Path> files = Files.walk(logdir)) {
      List<Path> summaries = files.filter(p -> p.endsWith("summary.json")).toList();
      assertEquals(1, summaries.size(), summaries.toString());
      return JsonParser.parseString(Files.readString(summaries.get(0))).getAsJsonObject();
    }
  }

  @Test
  void listShowsEveryExperimentWithItsSlideAccuracy() {
    var run = CliRun.of("list");
    assertEquals(ExitCode.OK, run.exit());
    assertTrue(run.out().contains("fc5-relu-decay"));
    assertTrue(run.out().contains("89.49 %"));
  }

  @Test
  void describePrintsKerasStyleParameterCount() {
    var run = CliRun.of("describe", "fc5-relu");
    assertEquals(ExitCode.OK, run.exit());
    assertTrue(run.out().contains("Trainable params: 185,300"), run.out());
    assertTrue(run.out().contains("(None, 200)"), run.out());
  }

  @Test
  void theUsageListsEveryCommandOfTheTableWithItsSummary() {
    List<Command> table = new Main(Console.system()).commands();
    var usage = CliRun.of("--help");
    assertEquals(ExitCode.OK, usage.exit());
    List<String> listed = usage.out().lines().skip(2).map(l -> l.trim().split("\\s+")[0])
        .toList();
    assertEquals(table.stream().map(Command::name).toList(), listed);
    for (Command command : table) {
      assertTrue(usage.out().lines().anyMatch(l -> l.trim().startsWith(command.name() + " ")
          && l.endsWith(command.summary())), command.name() + " in " + usage.out());
    }
  }

  @Test
  void everyCommandOfTheTableHasHelp() {
    for (Command command : new Main(Console.system()).commands()) {
      var run = CliRun.of(command.name(), "--help");
      assertEquals(ExitCode.OK, run.exit(), command.name());
      assertTrue(run.out().startsWith("usage: graph-runner " + command.name() + " "), run.out());
      assertTrue(run.out().contains("--help"), run.out());
      for (var option : command.options().getOptions()) {
        String flag = option.hasLongOpt() ? "--" + option.getLongOpt() : "-" + option.getOpt();
        assertTrue(run.out().contains(flag), flag + " in " + run.out());
      }
      assertEquals("", run.err(), command.name());
    }
  }

  @Test
  void trainWritesSummaryJsonWithTheRunsFigures() throws Exception {
    var run = train("--steps", "50", "--seed", "9");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    JsonObject summary = onlySummary(logdir);
    assertEquals("softmax", summary.get("experiment").getAsString());
    assertEquals("completed", summary.get("status").getAsString());
    assertEquals(9, summary.get("seed").getAsLong());
    assertEquals(50, summary.get("steps").getAsLong());
    assertTrue(summary.get("max_test_accuracy").getAsDouble()
        >= summary.get("final_test_accuracy").getAsDouble());
    for (String key : List.of("hyperparameters", "final_train_loss", "wall_seconds",
        "examples_per_second", "device")) {
      assertTrue(summary.has(key), key);
    }
  }

  @Test
  void trainExportsAModelThatInspectAndPredictRead(@TempDir Path testOnly) throws Exception {
    var run = train("--steps", "40", "--seed", "2");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(Files.isRegularFile(models.resolve("softmax/1/saved_model.pb")));

    var inspect = CliRun.of("inspect", models.resolve("softmax").toString());
    assertEquals(ExitCode.OK, inspect.exit(), inspect.err());
    assertTrue(inspect.out().contains("signature_def['serving_default']"), inspect.out());

    var predict = CliRun.of("predict", models.resolve("softmax/1").toString(), "--data-dir",
        tinyData.toString());
    assertEquals(ExitCode.OK, predict.exit(), predict.err());
    String finalAccuracy = String.format("test accuracy: %.4f",
        onlySummary(logdir).get("final_test_accuracy").getAsDouble());
    assertTrue(predict.out().contains(finalAccuracy), finalAccuracy + " in " + predict.out());
    assertTrue(predict.out().contains("Ankle boot"), "confusion matrix with class names");

    // the test pair alone serves: no training set is needed to score a model
    for (String file : List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
      Files.copy(tinyData.resolve(file), testOnly.resolve(file));
    }
    var fromTestPair = CliRun.of("predict", models.resolve("softmax/1").toString(),
        "--data-dir", testOnly.toString());
    assertEquals(ExitCode.OK, fromTestPair.exit(), fromTestPair.err());
    assertTrue(fromTestPair.out().contains(finalAccuracy), fromTestPair.out());

    var digits = CliRun.of("predict", models.resolve("softmax/1").toString(), "--dataset",
        "mnist");
    assertEquals(ExitCode.USAGE, digits.exit(), digits.err());
    assertTrue(digits.oneLineError(), digits.err());
    assertTrue(digits.err().contains("classifies fashion-mnist (T-shirt/top, Trouser, Pullover, "
        + "...), not mnist"), digits.err());
  }

  @Test
  void tensorFlowsMultiLineMessagesBecomeOneLine() {
    assertEquals("Attempting to use uninitialized value W [[{{node W/read}}]] hint",
        Main.oneLine("Attempting to use uninitialized value W\n\t [[{{node W/read}}]]\n\nhint\n"));
  }

  @Test
  void predictOnSomethingThatIsNotAModelIsAOneLineError(@TempDir Path empty) {
    var run = CliRun.of("predict", empty.toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void unknownExperimentIsAUsageErrorWithASuggestion() {
    var run = CliRun.of("train", "fc5-rellu");
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("did you mean 'fc5-relu'?"), run.err());
  }

  @Test
  void badFlagValuesAreOneLineUsageErrors() {
    for (String[] bad : List.of(new String[] {"--steps", "-5"}, new String[] {"--steps", "ten"},
        new String[] {"--pkeep", "1.5"}, new String[] {"--device", "tpu"},
        new String[] {"--lr", "0"}, new String[] {"--bogus"})) {
      var run = train(bad);
      assertEquals(ExitCode.USAGE, run.exit(), String.join(" ", bad) + ": " + run.err());
      assertTrue(run.oneLineError(), run.err());
    }
  }

  @Test
  void commandLinesThatCannotMeanWhatTheySayAreUsageErrors() {
    String data = tinyData.toString();
    for (String[] bad : List.of(
        new String[] {"train", "softmax", "--steps", "20", "--steps", "0", "--data-dir", data},
        new String[] {"train", "softmax", "--threads", "100000", "--data-dir", data},
        new String[] {"train", "softmax", "--logdir", "", "--data-dir", data},
        new String[] {"train", "softmax", "--export-dir", " ", "--data-dir", data},
        new String[] {"train", "softmax", "--logdir", logdir.toString(), "--export-dir",
            logdir.resolve(".").toString(), "--data-dir", data},
        new String[] {"report", "--logdir", logdir.toString(), "--report-dir",
            logdir.toString()},
        new String[] {"bench", "--steps", "3000000000"},
        new String[] {"bench", "--rounds", "1000", "--steps", "10"},
        new String[] {"list", "extra"}, new String[] {})) {
      var run = CliRun.of(bad);
      String command = String.join(" ", bad);
      assertEquals(ExitCode.USAGE, run.exit(), command + ": " + run.err());
      assertTrue(run.oneLineError(), command + ": " + run.err());
    }
    assertTrue(CliRun.of("train", "softmax", "--seed", "1", "--seed", "x").err()
        .contains("--seed is given more than once"));
    assertFalse(Files.exists(logdir.resolve("softmax")), "no run was started");
  }

  @Test
  void outputThatCannotBeWrittenIsAnIoError() {
    var err = new java.io.ByteArrayOutputStream();
    var full = new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device"); // as /dev/full does
      }
    }, true);
    var console = new Console(full, new java.io.PrintStream(err, true), false);
    assertEquals(ExitCode.IO, new Main(console).run(new String[] {"list"}));
    assertTrue(err.toString().startsWith("graph-runner: cannot write the output"), err.toString());
  }

  @Test
  void aPathStartingWithADashIsWrittenWithAnEqualsSign() throws Exception {
    var dashed = CliRun.of("train", "softmax", "--data-dir", tinyData.toString(), "--logdir",
        "-hruns", "--no-export");
    assertEquals(ExitCode.USAGE, dashed.exit(), dashed.err());
    assertTrue(dashed.oneLineError(), dashed.err());
    assertTrue(dashed.err().contains("--logdir needs a value (one that starts with '-' is "
        + "written --logdir=VALUE"), dashed.err());
    Path odd = logdir.resolve("-hruns");
    var run = CliRun.of("train", "softmax", "--data-dir", tinyData.toString(), "--steps", "5",
        "--logdir=" + odd, "--no-export");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(Files.isDirectory(odd.resolve("softmax")), run.out());
  }

  @Test
  void anExportDirWithANameTooLongIsFoundBeforeAnyTraining() {
    var run = CliRun.of("train", "softmax", "--data-dir", tinyData.toString(), "--logdir",
        logdir.toString(), "--export-dir", models.resolve("a".repeat(300)).toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.err().contains("longer than 255 bytes"), run.err());
    assertFalse(Files.exists(logdir.resolve("softmax")), "no run was started");
  }

  @Test
  void outputFoldersReachedThroughALinkAndParentStepsAreWhereTheOsPutsThem(@TempDir Path temp)
      throws Exception {
    Path deep = Files.createDirectories(temp.resolve("real/deep"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), deep);
    // TensorFlow cleans "link/.." to temp/ by its text; Java creates folders in temp/real/
    var run = CliRun.of("train", "softmax", "--data-dir", tinyData.toString(), "--steps", "20",
        "--seed", "4", "--logdir", link + "/../runs", "--export-dir", link + "/../models");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(Files.isDirectory(temp.resolve("real/runs/softmax")), run.out());
    assertTrue(Files.isDirectory(temp.resolve("real/models/softmax/1")), run.out());
    assertFalse(Files.exists(temp.resolve("runs")), "nothing beside the link");
    assertFalse(Files.exists(temp.resolve("models")), "nothing beside the link");
  }

  @Test
  void aDamagedCheckpointIsADataErrorNamingIt() throws Exception {
    var run = train("--steps", "30", "--seed", "4", "--no-export");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    Path runDir;
    try (Stream<Path> dirs = Files.list(logdir.resolve("softmax"))) {
      runDir = dirs.findFirst().orElseThrow();
    }
    Path checkpoint;
    try (Stream<Path> dirs = Files.list(runDir.resolve("checkpoints"))) {
      checkpoint = dirs.filter(d -> d.getFileName().toString().startsWith("step-")).findFirst()
          .orElseThrow();
    }
    Path data = checkpoint.resolve("model.data-00000-of-00001");
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    var export = CliRun.of("export", runDir.toString(), "--export-dir", models.toString());
    assertEquals(ExitCode.DATA, export.exit(), export.err());
    assertTrue(export.oneLineError(), export.err());
    assertTrue(export.err().contains("damaged checkpoint " + checkpoint), export.err());
  }

  @Test
  void missingDataIsAOneLineDataErrorNamingTheFiles(@TempDir Path empty) {
    var run = CliRun.of("train", "softmax", "--data-dir", empty.toString(), "--logdir",
        logdir.toString());
    assertEquals(ExitCode.DATA, run.exit());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("train-images-idx3-ubyte.gz"), run.err());
  }

  @Test
  void corruptDataIsAOneLineDataError(@TempDir Path corrupt) throws Exception {
    TinyIdx.writeDataset(corrupt, 50, 20, 1);
    Path images = corrupt.resolve("t10k-images-idx3-ubyte.gz");
    byte[] bytes = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    var run = CliRun.of("train", "softmax", "--data-dir", corrupt.toString(), "--logdir",
        logdir.toString());
    assertEquals(ExitCode.DATA, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void unwritableLogdirIsAOneLineIoErrorFoundBeforeTheDataIsRead() throws Exception {
    Path file = Files.writeString(logdir.resolve("not-a-dir"), "x");
    var run = CliRun.of("train", "softmax", "--data-dir", logdir.resolve("no-data").toString(),
        "--logdir", file.toString(), "--export-dir", models.toString());
    assertEquals(ExitCode.IO, run.exit(), run.err()); // not DATA: the data was never looked at
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("--logdir"), run.err());
  }

  @Test
  void anUnwritableExportDirIsFoundBeforeAnyTraining() throws Exception {
    Path file = Files.writeString(models.resolve("a-file"), "x");
    var run = CliRun.of("train", "softmax", "--data-dir", tinyData.toString(), "--logdir",
        logdir.toString(), "--export-dir", file.resolve("below").toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("--export-dir"), run.err());
    assertFalse(Files.exists(logdir.resolve("softmax")), "no run was started");
  }

  @Test
  void summaryJsonIsReadableByEveryoneAndStrictJsonWhenTheLossIsNotANumber() throws Exception {
    var run = CliRun.of("train", "fc5-relu", "--data-dir", tinyData.toString(), "--logdir",
        logdir.toString(), "--lr", "1e6", "--steps", "200", "--seed", "1", "--no-export");
    assertEquals(ExitCode.DIVERGED, run.exit(), run.err());
    try (Stream<Path> files = Files.walk(logdir)) {
      Path summary = files.filter(p -> p.endsWith("summary.json")).findFirst().orElseThrow();
      assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(summary)));
      String text = Files.readString(summary);
      var strict = new com.google.gson.stream.JsonReader(new java.io.StringReader(text));
      strict.setStrictness(com.google.gson.Strictness.STRICT);
      JsonObject parsed = JsonParser.parseReader(strict).getAsJsonObject();
      assertTrue(parsed.get("final_train_loss").isJsonNull(), text);
      assertEquals("NaN", parsed.getAsJsonObject("non_finite").get("final_train_loss")
          .getAsString());
    }
  }

  @Test
  void aCompletedRunCannotBeResumedAndSaysWhy() throws Exception {
    assertEquals(ExitCode.OK, train("--steps", "20", "--seed", "3").exit());
    var resume = CliRun.of("train", "softmax", "--resume", "--logdir", logdir.toString());
    assertEquals(ExitCode.USAGE, resume.exit(), resume.err());
    assertTrue(resume.oneLineError(), resume.err());
    assertTrue(resume.err().contains("no interrupted run of softmax"), resume.err());
    Path runDir;
    try (Stream<Path> runs = Files.list(logdir.resolve("softmax"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    var direct = CliRun.of("train", "--resume", runDir.toString());
    assertEquals(ExitCode.USAGE, direct.exit(), direct.err());
    assertTrue(direct.err().contains("it completed; nothing to resume"), direct.err());
  }

  @Test
  void resumeRefusesSettingsThatWouldChangeTheRun() {
    var run = CliRun.of("train", "softmax", "--resume", "--lr", "0.1");
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--lr cannot be given with it"), run.err());
  }

  @Test
  void divergedTrainingIsAOneLineErrorAndTheSummarySaysSo() throws Exception {
    var run = CliRun.of("train", "fc5-relu", "--data-dir", tinyData.toString(), "--logdir",
        logdir.toString(), "--lr", "1e6", "--steps", "200", "--seed", "1", "--export-dir",
        models.toString());
    assertEquals(ExitCode.DIVERGED, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertEquals("diverged", onlySummary(logdir).get("status").getAsString());
  }

  @Test
  void gpuOnAHostWithoutOneIsADeviceErrorUnlessFallbackIsAllowed() {
    var run = train("--steps", "10", "--device", "gpu");
    assertEquals(ExitCode.DEVICE, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("--allow-cpu-fallback"), run.err());

    var fallback = train("--steps", "10", "--device", "gpu", "--allow-cpu-fallback");
    assertEquals(ExitCode.OK, fallback.exit(), fallback.err());
    assertTrue(fallback.err().contains("running on the CPU"), fallback.err());
  }

  @Test
  void graphCommandWritesTheIntroGraphForTensorBoard() throws Exception {
    var run = CliRun.of("graph", "graph-intro", "--logdir", logdir.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    try (Stream<Path> files = Files.walk(logdir)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString()
          .startsWith("events.out.tfevents.")).count());
    }
    assertTrue(run.out().contains("tensorboard --logdir"), run.out());

    var runs = CliRun.of("runs", "--logdir", logdir.toString());
    assertEquals(ExitCode.OK, runs.exit(), runs.err());
    assertTrue(runs.out().contains("graph only (graph command)"), runs.out());
  }

  @Test
  void runsOfAnUnknownExperimentIsAUsageError() {
    var run = CliRun.of("runs", "fc5-rellu", "--logdir", logdir.toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void exportingARunKilledBeforeItsFirstCheckpointSaysHowToStartItAgain() throws Exception {
    Path runDir = Files.createDirectories(logdir.resolve("softmax/20261202-000000"));
    Files.writeString(runDir.resolve("summary.json"), """
        {"experiment": "softmax", "status": "running", "seed": 1, "hyperparameters": {},
         "arguments": ["softmax", "--data-dir", "/data sets/fashion", "--steps", "50",
                       "--seed", "1"],
         "segments": [{"from_step": 0, "pid": 2147483646}]}
        """);
    var run = CliRun.of("export", runDir.toString(), "--export-dir", models.toString());
    assertEquals(ExitCode.DATA, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("has no checkpoint (the run was killed before its first one): "
        + "start it again with: graph-runner train softmax --data-dir '/data sets/fashion' "
        + "--steps 50 --seed 1"), run.err());
    assertFalse(run.err().contains("note:"), "no note about a model there is not: " + run.err());
  }

  @Test
  void aTruncatedSummaryIsAOneLineDataErrorWithoutJavaNames() throws Exception {
    Path runDir = Files.createDirectories(logdir.resolve("softmax/20261202-000001"));
    Files.writeString(runDir.resolve("summary.json"), "{\"experiment\": \"softmax\", "
        + "\"hyperparameters\": {");
    for (String[] args : List.of(new String[] {"export", runDir.toString()},
        new String[] {"train", "--resume", runDir.toString()})) {
      var run = CliRun.of(args);
      assertEquals(ExitCode.DATA, run.exit(), run.err());
      assertTrue(run.oneLineError(), run.err());
      assertTrue(run.err().contains("summary.json is not valid JSON (truncated?): End of input"),
          run.err());
    }
  }

  @Test
  void graphIntroHasNothingToTrain() {
    var run = CliRun.of("train", "graph-intro", "--logdir", logdir.toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("graph-intro has nothing to train"), run.err());
    assertFalse(Files.exists(logdir.resolve("graph-intro")), "no run was started");
  }
}
