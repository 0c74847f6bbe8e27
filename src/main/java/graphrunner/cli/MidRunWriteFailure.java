package graphrunner.cli;

import com.google.gson.JsonObject;
import graphrunner.GraphRunnerException;
import graphrunner.UnwritableOutput;
import graphrunner.train.Checkpoint;
import graphrunner.train.Checkpoints;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * A training run that could not write its checkpoint or logs midway (a full disk): the run is not
 * lost, {@code train --resume} goes on from its newest checkpoint once there is space.
 */
final class MidRunWriteFailure {
  private MidRunWriteFailure() {}

  /**
   * Marks {@code runDir}'s summary.json interrupted, when the disk still takes it (else it says
   * {@code running} for a process that is gone, which {@code runs} and --resume read as killed),
   * and says how to go on.
   */
  static UserError stop(UnwritableOutput failure, Path runDir) {
    return stop(failure, runDir, c -> "; once there is space, go on from step " + c.step()
            + " with: " + Launcher.command() + " train --resume " + Launcher.shellWord(runDir),
        "; no checkpoint was saved: once there is space, start the run again");
  }

  /**
   * The same for a cluster's chief: its summary.json marked interrupted, and where its newest
   * checkpoint is, since a cluster run does not resume.
   */
  static UserError stopChief(UnwritableOutput failure, Path runDir) {
    return stop(failure, runDir, c -> "; a cluster run does not resume: its newest checkpoint "
            + "is " + c.dir() + " (global step " + c.step() + ")",
        "; no checkpoint was saved: once there is space, start the cluster again");
  }

  private static UserError stop(UnwritableOutput failure, Path runDir,
      Function<Checkpoint, String> withCheckpoint, String withoutCheckpoint) {
    markInterrupted(runDir, failure.getMessage());
    String next = new Checkpoints(runDir).newest().map(withCheckpoint).orElse(withoutCheckpoint);
    return new UserError(ExitCode.IO, failure.getMessage() + next, failure);
  }

  private static void markInterrupted(Path runDir, String reason) {
    try {
      JsonObject summary = SummaryJson.read(runDir);
      summary.addProperty("status", "interrupted");
      summary.addProperty("interrupted_by", reason);
      var segments = summary.getAsJsonArray("segments");
      if (segments != null && !segments.isEmpty()) {
        JsonObject segment = segments.get(segments.size() - 1).getAsJsonObject();
        segment.addProperty("ended", Instant.now().toString());
        segment.addProperty("status", "interrupted");
      }
      SummaryJson.write(runDir, summary);
    } catch (GraphRunnerException | IllegalStateException | ClassCastException stillUnwritable) {
      // best effort: the write failure itself is what the user must read
    }
  }
}
