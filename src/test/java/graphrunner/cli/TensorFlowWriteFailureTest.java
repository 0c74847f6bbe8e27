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
 * folder named {@code link/..} makes them fail: TensorFlow resolves {@code ..} by name, the
 * operating system through the link, so TensorFlow writes into a folder that does not exist.
 */
class TensorFlowWriteFailureTest {
  @TempDir static Path tinyData;
  @TempDir Path temp;
  Path throughLink;

  @BeforeAll
  static void writeTinyData() throws Exception {
    TinyIdx.writeDataset(tinyData, 300, 100, 3);
  }

  @BeforeEach
  void linkIntoADeeperFolder() throws Exception {
    Path deeper = Files.createDirectories(temp.resolve("a/b"));
    throughLink = Files.createSymbolicLink(temp.resolve("link"), deeper).resolve("..");
  }

  @Test
  void anExportTensorFlowCannotWriteIsAOneLineIoErrorSayingHowToExportLater() throws Exception {
    Path logdir = Files.createDirectory(temp.resolve("runs"));
    var run = CliRun.of("train", "softmax", "--steps", "10", "--data-dir", tinyData.toString(),
        "--logdir", logdir.toString(), "--export-dir", throughLink.resolve("models").toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("cannot export the SavedModel under "), run.err());
    assertTrue(run.err().contains("No such file or directory"), run.err());
    assertTrue(run.err().contains(" export " + logdir.resolve("softmax")), run.err());
    assertFalse(Files.exists(temp.resolve("a/models/softmax/1")), "no version that looks done");
    JsonObject export = onlySummary(logdir).getAsJsonObject("export");
    assertEquals("failed", export.get("status").getAsString());
  }

  @Test
  void aCheckpointTensorFlowCannotWriteStopsTheRunAsInterrupted() throws Exception {
    var run = CliRun.of("train", "softmax", "--steps", "10", "--data-dir", tinyData.toString(),
        "--logdir", throughLink.toString(), "--no-export");
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("cannot write a checkpoint under "), run.err());
    assertTrue(run.err().contains("no checkpoint was saved"), run.err());
    JsonObject summary = onlySummary(temp.resolve("a"));
    assertEquals("interrupted", summary.get("status").getAsString());
    assertTrue(summary.get("interrupted_by").getAsString().contains("checkpoint"));
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
