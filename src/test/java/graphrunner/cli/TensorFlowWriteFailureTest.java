package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import graphrunner.UnwritableOutput;
import graphrunner.data.TinyIdx;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow's own writes (a checkpoint, a SavedModel's variables) that fail are the user's
 * unwritable output, exit 4 with one line, as a full disk is. Without root or a full disk, a
 * child JVM under a file size limit ({@code ulimit -f}) makes them fail: the JVM ignores
 * SIGXFSZ, so a write past the limit fails with "File too large". The limits lie between what
 * graph-runner itself writes (summary.json, events) and what TensorFlow writes (cnn's checkpoint
 * 1.5 MB, its SavedModel's variables 0.5 MB).
 */
class TensorFlowWriteFailureTest {
  @TempDir static Path tinyData;
  @TempDir Path temp;

  @BeforeAll
  static void writeTinyData() throws Exception {
    TinyIdx.writeDataset(tinyData, 300, 100, 3);
  }

  @Test
  void anExportTensorFlowCannotWriteIsAOneLineIoErrorSayingHowToExportLater() throws Exception {
    Path logdir = temp.resolve("runs");
    Path models = temp.resolve("models");
    var trained = CliRun.of("train", "cnn", "--steps", "10", "--data-dir", tinyData.toString(),
        "--logdir", logdir.toString(), "--no-export");
    assertEquals(ExitCode.OK, trained.exit(), trained.err());
    Path runDir;
    try (Stream<Path> runs = Files.list(logdir.resolve("cnn"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    var run = LimitedRun.of(100, "export", runDir.toString(), "--export-dir", models.toString());
    assertEquals(ExitCode.IO.code(), run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("cannot export the SavedModel under "), run.err());
    assertTrue(run.err().contains("File too large"), run.err());
    assertTrue(run.err().contains(" export " + runDir), run.err());
    assertFalse(Files.exists(models.resolve("cnn")), "no version, and no folder made for it");
    JsonObject export = onlySummary(logdir).getAsJsonObject("export");
    assertEquals("failed", export.get("status").getAsString());
  }

  @Test
  void aCheckpointTensorFlowCannotWriteStopsTheRunAsInterrupted() throws Exception {
    Path logdir = temp.resolve("runs");
    var run = LimitedRun.of(700, "train", "cnn", "--steps", "10", "--data-dir",
        tinyData.toString(), "--logdir", logdir.toString(), "--no-export");
    assertEquals(ExitCode.IO.code(), run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("cannot write a checkpoint under "), run.err());
    assertTrue(run.err().contains("File too large"), run.err());
    assertTrue(run.err().contains("no checkpoint was saved"), run.err());
    JsonObject summary = onlySummary(logdir);
    assertEquals("interrupted", summary.get("status").getAsString());
    assertTrue(summary.get("interrupted_by").getAsString().contains("checkpoint"));
  }

  /** graph-runner in a child JVM whose files may not grow past {@code kilobytes}. */
  private record LimitedRun(int exit, String err) {
    static LimitedRun of(int kilobytes, String... args) throws Exception {
      List<String> command = new java.util.ArrayList<>(List.of("bash", "-c",
          "ulimit -f " + kilobytes + " && exec \"$@\"", "bash",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      var builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      Process process = builder.start();
      String err = new String(process.getErrorStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      return new LimitedRun(process.waitFor(), err);
    }

    boolean oneLineError() {
      return err.lines().filter(l -> l.startsWith("graph-runner:")).count() == 1
          && !err.contains("\tat ") && !err.contains("Exception");
    }
  }

  @Test
  void aRunWithAnEarlierCheckpointSaysHowToResumeIt() throws Exception {
    Path runDir = Files.createDirectories(temp.resolve("runs/softmax/1"));
    Path step10 = Files.createDirectories(runDir.resolve("checkpoints/step-10"));
    Files.writeString(step10.resolve("model.index"), "");
    Files.writeString(step10.resolve("state.json"), "{}");
    JsonObject summary = new JsonObject();
    summary.addProperty("status", "running");
    SummaryJson.write(runDir, summary);

    UserError error = MidRunWriteFailure.stop(new UnwritableOutput(
        "cannot write a checkpoint under " + runDir + ": No space left on device"), runDir);
    assertEquals(ExitCode.IO, error.exitCode());
    assertTrue(error.getMessage().contains("go on from step 10 with: "), error.getMessage());
    assertTrue(error.getMessage().endsWith("train --resume " + runDir), error.getMessage());
    assertEquals("interrupted", SummaryJson.read(runDir).get("status").getAsString());
  }

  @Test
  void anUnfinishedRunFolderIsRemovedWithItsEmptyExperimentFolder() throws Exception {
    Path runDir = Files.createDirectories(temp.resolve("runs/cnn/20260101-000000/graph"))
        .getParent();
    Files.writeString(runDir.resolve("graph/events.out.tfevents.1.host.2.graph-runner"), "tr");
    RunDirectory.removeUnfinished(runDir);
    assertFalse(Files.exists(temp.resolve("runs/cnn")));
    assertTrue(Files.isDirectory(temp.resolve("runs")), "the log dir stays");
  }

  private static JsonObject onlySummary(Path logdir) throws Exception {
    try (Stream<Path> files = Files.walk(logdir)) {
      List<Path> summaries = files.filter(p -> p.endsWith("summary.json")).toList();
      assertEquals(1, summaries.size(), summaries.toString());
      return JsonParser.parseString(Files.readString(summaries.get(0))).getAsJsonObject();
    }
  }
}
