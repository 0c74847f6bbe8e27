package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to report, reproduce and runs: one line, a documented exit code, no half report. */
class ReportErrorsTest {
  @TempDir Path tmp;

  private CliRun report(String... runDirs) {
    var args = new java.util.ArrayList<>(java.util.List.of("report", "--report-dir",
        tmp.resolve("reports").toString(), "--logdir", tmp.resolve("runs").toString()));
    args.addAll(java.util.List.of(runDirs));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path runWithSummary(String json) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("runs/softmax/20260101-000000"));
    Files.writeString(dir.resolve("summary.json"), json);
    return dir;
  }

  private void noReportWritten() throws Exception {
    if (Files.isDirectory(tmp.resolve("reports"))) {
      try (Stream<Path> left = Files.list(tmp.resolve("reports"))) {
        assertEquals(0, left.count(), "no report folder, finished or half-written");
      }
    }
  }

  @Test
  void aFolderThatIsNotARunIsAUsageError() throws Exception {
    CliRun run = report(Files.createDirectories(tmp.resolve("empty")).toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError() && run.err().contains("is not a run directory"), run.err());
    noReportWritten();
  }

  @Test
  void aTruncatedSummaryIsADataError() throws Exception {
    Path dir = runWithSummary("{\n  \"experiment\": \"softmax\",\n  \"status\": \"compl");
    CliRun run = report(dir.toString());
    assertEquals(ExitCode.DATA, run.exit());
    assertTrue(run.oneLineError() && run.err().contains("truncated"), run.err());
    noReportWritten();
  }

  @Test
  void aSummaryFromAnUnknownVersionIsADataError() throws Exception {
    Path dir = runWithSummary("{\"experiment\": \"softmax\", \"status\": \"completed\", "
        + "\"seed\": 1, \"steps\": 5, \"max_test_accuracy\": 0.5, \"final_test_accuracy\": 0.5, "
        + "\"wall_seconds\": 1, \"hyperparameters\": {}, \"graph_runner_version\": \"9.0.0\"}");
    CliRun run = report(dir.toString());
    assertEquals(ExitCode.DATA, run.exit());
    assertTrue(run.oneLineError() && run.err().contains("9.0.0"), run.err());
  }

  @Test
  void anUnwritableReportFolderIsAnIoErrorBeforeAnythingTrains() throws Exception {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    CliRun run = CliRun.of("reproduce", "softmax", "--report-dir", notADir.toString(),
        "--logdir", tmp.resolve("runs").toString());
    assertEquals(ExitCode.IO, run.exit());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(!Files.exists(tmp.resolve("runs")), "nothing trained");
  }

  @Test
  void aSuiteThatFailsBeforeItsReportLeavesNoReportFolder() throws Exception {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    CliRun badExport = CliRun.of("reproduce", "softmax", "--steps", "20", "--export-dir",
        notADir.toString(), "--report-dir", tmp.resolve("reports").toString(), "--logdir",
        tmp.resolve("runs").toString());
    assertEquals(ExitCode.IO, badExport.exit(), badExport.err());
    CliRun noData = CliRun.of("reproduce", "softmax", "--steps", "20", "--data-root",
        tmp.resolve("nonexistent").toString(), "--report-dir", tmp.resolve("reports").toString(),
        "--logdir", tmp.resolve("runs").toString());
    assertEquals(ExitCode.DATA, noData.exit(), noData.err());
    assertFalse(Files.exists(tmp.resolve("reports")), "--report-dir made only for a report");
  }

  @Test
  void anUnknownExperimentIsAUsageError() {
    CliRun run = CliRun.of("reproduce", "cnn-batchnrom", "--report-dir",
        tmp.resolve("reports").toString(), "--logdir", tmp.resolve("runs").toString());
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError() && run.err().contains("did you mean 'cnn-batchnorm'"),
        run.err());
  }

  @Test
  void reportWithoutRunsSaysSo() {
    CliRun run = report();
    assertEquals(ExitCode.USAGE, run.exit());
    assertTrue(run.oneLineError() && run.err().contains("no finished runs"), run.err());
  }

  @Test
  void runsListsAFolderWithoutSummaryAsNotARun() throws Exception {
    Files.createDirectories(tmp.resolve("runs/cnn/20260101-000000"));
    CliRun run = CliRun.of("runs", "--logdir", tmp.resolve("runs").toString());
    assertEquals(ExitCode.OK, run.exit());
    assertTrue(run.out().contains("no summary.json: not a run"), run.out());
  }

  @Test
  void theNewCommandsHaveHelp() {
    for (String command : java.util.List.of("reproduce", "report", "runs")) {
      CliRun run = CliRun.of(command, "--help");
      assertEquals(ExitCode.OK, run.exit(), command);
      assertTrue(run.out().contains("usage: graph-runner " + command), run.out());
    }
  }
}
