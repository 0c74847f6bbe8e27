package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonObject;
import graphrunner.data.TinyIdx;
import graphrunner.tensorboard.EventFileReader;
import graphrunner.train.Checkpoints;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C, SIGTERM and SIGKILL at each phase of a run, sent while the child is held inside that
 * phase: a stop ends with a checkpoint, summary.json, flushed logs, its last lines and 130/143; a
 * kill leaves nothing that the next start does not clear, and the run can be resumed.
 */
@Tag("slow") // signals sent to child JVMs, each a short training run
class SignalTest {
  private static final String ID = "fc5-relu-decay-dropout";
  @TempDir static Path data;
  @TempDir Path logdir;
  @TempDir Path models;

  @BeforeAll
  static void writeTinyData() {
    TinyIdx.writeDataset(data, 600, 200, 3);
  }

  private List<String> trainArgs() {
    return List.of("train", ID, "--steps", "60", "--eval-every", "20", "--checkpoint-every",
        "10", "--seed", "4", "--data-dir", data.toString(), "--logdir", logdir.toString(),
        "--export-dir", models.toString());
  }

  private Path onlyRunDir() throws Exception {
    try (Stream<Path> runs = Files.list(logdir.resolve(ID))) {
      List<Path> all = runs.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  private static List<Path> staging(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
    }
  }

  @ParameterizedTest(name = "SIG{1} at {0}")
  @CsvSource({
      "eval-0,        INT,  130, 0",
      "eval-20,       INT,  130, 20",
      "images-20,     INT,  130, 21",
      "step-30,       INT,  130, 30",
      "checkpoint-20, INT,  130, 20",
      "eval-20,       TERM, 143, 20",
      "step-30,       TERM, 143, 30"})
  void aStopSignalEndsTheRunWithEverythingSaved(String phase, String signal, int exit,
      long step) throws Exception {
    assumeFalse(signal.equals("INT") && ChildRun.sigintIgnored(),
        "SIGINT is ignored by this test run's environment (a background job)");
    try (var child = ChildRun.start(phase, trainArgs())) {
      assertTrue(child.awaitPhase(), () -> phase + " not reached:\n" + child.stderrSoFar());
      child.signal(signal);
      assertEquals(exit, child.exitCode(), child.stderr());
      System.out.printf("SIG%s at %s: exit %d after %.2f s%n", signal, phase, exit,
          child.secondsToExit());
      String err = child.stderr();
      assertTrue(err.contains("graph-runner: interrupted at step " + step
          + "; continue with: graph-runner train --resume "), err);
      assertFalse(err.contains("internal error") || err.contains("Exception"), err);
      assertTrue(child.stdout().contains(ID + " interrupted: max test accuracy"), child.stdout());
      assertTrue(child.stdout().contains("summary: "), child.stdout());
    }
    Path run = onlyRunDir();
    JsonObject summary = SummaryJson.read(run);
    assertEquals("interrupted", summary.get("status").getAsString());
    assertEquals(step, summary.get("steps").getAsLong());
    assertEquals(step, new Checkpoints(run).newest().orElseThrow().step());
    assertFalse(EventFileReader.readDir(run.resolve("test")).isEmpty(), "logs flushed");
    assertEquals(List.of(), staging(logdir));
    assertFalse(Files.exists(models.resolve(ID)), "no export of an unfinished run");
  }

  @ParameterizedTest(name = "SIG{0} during the export")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aStopDuringTheExportLeavesTheRunAndNoHalfModel(String signal, int exit)
      throws Exception {
    assumeFalse(signal.equals("INT") && ChildRun.sigintIgnored(),
        "SIGINT is ignored by this test run's environment (a background job)");
    try (var child = ChildRun.start("export", trainArgs())) {
      assertTrue(child.awaitPhase(), child::stderrSoFar);
      child.signal(signal);
      assertEquals(exit, child.exitCode(), child.stderr());
      assertTrue(child.stderr().contains("interrupted during the export"), child.stderr());
      assertTrue(child.stderr().contains("graph-runner export "), child.stderr());
    }
    Path run = onlyRunDir();
    JsonObject summary = SummaryJson.read(run);
    assertEquals("completed", summary.get("status").getAsString());
    assertEquals("interrupted", summary.getAsJsonObject("export").get("status").getAsString());
    assertEquals(List.of(), staging(models));
    assertFalse(Files.exists(models.resolve(ID)), "not even the folder the export made");
    var export = CliRun.of("export", run.toString());
    assertEquals(ExitCode.OK, export.exit(), export.err());
    assertTrue(Files.isRegularFile(models.resolve(ID).resolve("1/saved_model.pb")));
  }

  @ParameterizedTest(name = "SIGKILL at {0}")
  @CsvSource({"eval-20, 20", "images-20, 20", "step-35, 30", "checkpoint-20, 10"})
  void afterAKillTheRunResumesAndNothingIsLeftOver(String phase, long resumedFrom)
      throws Exception {
    try (var child = ChildRun.start(phase, trainArgs())) {
      assertTrue(child.awaitPhase(), child::stderrSoFar);
      child.signal("KILL");
      assertEquals(137, child.exitCode());
    }
    Path run = onlyRunDir();
    assertEquals("running", SummaryJson.read(run).get("status").getAsString());
    var resume = CliRun.of("train", ID, "--resume", "--logdir", logdir.toString());
    assertEquals(ExitCode.OK, resume.exit(), resume.err());
    assertTrue(resume.err().contains("(step " + resumedFrom + ")"), resume.err());
    assertEquals("completed", SummaryJson.read(run).get("status").getAsString());
    assertEquals(List.of(), staging(logdir));
    assertTrue(Files.isRegularFile(models.resolve(ID).resolve("1/saved_model.pb")));
  }

  /**
   * Held at phase {@code export}, the child has written the whole SavedModel into its staging
   * folder and not yet renamed it: a SIGKILL there must leave no version a server would load,
   * and {@code export RUN_DIR} must clear the remains and export the run's final model.
   */
  @ParameterizedTest(name = "SIGKILL during the export")
  @CsvSource("export")
  void aKillDuringTheExportIsClearedByTheNextExport(String phase) throws Exception {
    Path staged;
    try (var child = ChildRun.start(phase, trainArgs())) {
      assertTrue(child.awaitPhase(), child::stderrSoFar);
      List<Path> inside = staging(models);
      assertEquals(1, inside.size(), "inside the export: " + inside);
      staged = inside.get(0);
      assertTrue(Files.isRegularFile(staged.resolve("saved_model.pb")), "mid-export");
      child.signal("KILL");
      assertEquals(137, child.exitCode());
    }
    assertEquals(List.of(staged), children(models.resolve(ID)),
        "only the dead process's staging folder, no version");
    Path run = onlyRunDir();
    JsonObject summary = SummaryJson.read(run);
    assertEquals("completed", summary.get("status").getAsString());
    assertFalse(summary.has("export"), summary.toString());

    var export = CliRun.of("export", run.toString());
    assertEquals(ExitCode.OK, export.exit(), export.err());
    assertEquals(List.of(models.resolve(ID).resolve("1")), children(models.resolve(ID)));
    JsonObject exported = SummaryJson.read(run).getAsJsonObject("export");
    assertEquals("exported", exported.get("status").getAsString());
    assertEquals(models.resolve(ID).resolve("1").toAbsolutePath().toString(),
        exported.get("path").getAsString());
    var predict = CliRun.of("predict", models.resolve(ID).resolve("1").toString(),
        "--data-dir", data.toString());
    assertEquals(ExitCode.OK, predict.exit(), predict.err());
    String accuracy = String.format("test accuracy: %.4f",
        summary.get("final_test_accuracy").getAsDouble());
    assertTrue(predict.out().contains(accuracy), accuracy + " in " + predict.out());
  }

  @ParameterizedTest(name = "SIG{0} while the report is written")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aStopDuringTheReportLeavesNothing(String signal, int exit) throws Exception {
    assumeFalse(signal.equals("INT") && ChildRun.sigintIgnored(),
        "SIGINT is ignored by this test run's environment (a background job)");
    var train = CliRun.of("train", ID, "--steps", "20", "--seed", "4", "--data-dir",
        data.toString(), "--logdir", logdir.toString(), "--no-export");
    assertEquals(ExitCode.OK, train.exit(), train.err());
    Path reports = logdir.resolve("reports"); // not there yet: the report would make it
    try (var child = ChildRun.start("report", List.of("report", onlyRunDir().toString(),
        "--report-dir", reports.toString(), "--logdir", logdir.toString()))) {
      assertTrue(child.awaitPhase(), child::stderrSoFar);
      assertEquals(1, staging(reports).size(), "inside the report");
      child.signal(signal);
      assertEquals(exit, child.exitCode(), child.stderr());
      assertTrue(child.stderr().endsWith("graph-runner: interrupted while writing the report, "
          + "which left nothing behind\n"), child.stderr());
    }
    assertFalse(Files.exists(reports), "no report folder, no staging folder");
  }

  /**
   * A second {@code train --resume} of a run that another process holds is refused before it
   * touches anything. The first is held just after it locked the run, when summary.json still
   * says "interrupted": what a second resume started at the same moment reads.
   */
  @org.junit.jupiter.api.Test
  void aRunBeingResumedCannotBeResumedTwice() throws Exception {
    try (var child = ChildRun.start("step-30", trainArgs())) {
      assertTrue(child.awaitPhase(), child::stderrSoFar);
      child.signal("TERM");
      assertEquals(143, child.exitCode(), child.stderr());
    }
    Path run = onlyRunDir();
    String before = Files.readString(SummaryJson.file(run));
    assertEquals("interrupted", SummaryJson.read(run).get("status").getAsString());
    try (var first = ChildRun.start("resume-locked", List.of("train", "--resume",
        run.toString()))) {
      assertTrue(first.awaitPhase(), first::stderrSoFar);
      var second = CliRun.of("train", "--resume", run.toString());
      assertEquals(ExitCode.USAGE, second.exit(), second.err());
      assertTrue(second.oneLineError() && second.err().contains("another graph-runner (pid "
          + first.pid() + ") is training it"), second.err());
      assertEquals(before, Files.readString(SummaryJson.file(run)), "summary.json untouched");
      // an export would read checkpoints the training prunes
      var export = CliRun.of("export", run.toString(), "--export-dir",
          run.resolveSibling("models").toString());
      assertEquals(ExitCode.USAGE, export.exit(), export.err());
      assertTrue(export.oneLineError() && export.err().contains("cannot export " + run
          + ": another graph-runner (pid " + first.pid() + ") is training it"), export.err());
      first.signal("TERM");
      assertEquals(143, first.exitCode(), first.stderr());
    }
    assertEquals(before, Files.readString(SummaryJson.file(run)));
    var after = CliRun.of("train", "--resume", run.toString());
    assertEquals(ExitCode.OK, after.exit(), "the lock went with its process: " + after.err());
  }

  private static List<Path> children(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList();
    }
  }
}
