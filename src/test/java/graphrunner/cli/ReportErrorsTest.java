package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** An interrupted run's summary with one field replaced by {@code json}. */
  private Path interruptedRunWith(String field, String json) throws Exception {
    String summary = "{\"experiment\": \"softmax\", \"status\": \"interrupted\", "
        + "\"seed\": 1, \"steps\": 5, \"hyperparameters\": {\"steps\": 20}, "
        + "\"arguments\": [\"softmax\", \"--steps\", \"20\"], \"segments\": [{\"pid\": 1}]}";
    com.google.gson.JsonObject parsed = com.google.gson.JsonParser.parseString(summary)
        .getAsJsonObject();
    parsed.add(field, com.google.gson.JsonParser.parseString(json));
    return runWithSummary(parsed.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"status|{\"a\": 1}", "hyperparameters|[1]",
      "steps|\"abc\"", "seed|{}"})
  void aSummaryFieldOfTheWrongTypeIsADamagedRunThatRunsListsAndReportSkips(String field,
      String json) throws Exception {
    Path dir = interruptedRunWith(field, json);
    CliRun named = report(dir.toString());
    assertEquals(ExitCode.DATA, named.exit(), named.err());
    assertTrue(named.oneLineError() && named.err().contains("summary.json: \"" + field
        + "\" is not"), named.err());
    CliRun runs = CliRun.of("runs", "--logdir", tmp.resolve("runs").toString());
    assertEquals(ExitCode.OK, runs.exit(), runs.err());
    assertTrue(runs.out().contains("unreadable summary.json"), runs.out());
    CliRun all = report();
    assertEquals(ExitCode.USAGE, all.exit(), "skipped, as one lacking a field is");
    assertTrue(all.oneLineError() && all.err().contains("no finished runs"), all.err());
    noReportWritten();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"status|{\"a\": 1}", "hyperparameters|[1]",
      "arguments|\"softmax\"", "arguments|[1, {}]", "segments|3", "segments|[{\"pid\": \"x\"}]",
      "steps|\"abc\"", "seed|{}"})
  void resumeRefusesASummaryFieldOfTheWrongTypeInOneLine(String field, String json)
      throws Exception {
    Path dir = interruptedRunWith(field, json);
    CliRun byDir = CliRun.of("train", "--resume", dir.toString());
    assertEquals(ExitCode.DATA, byDir.exit(), byDir.err());
    assertTrue(byDir.oneLineError() && byDir.err().contains(" is not "), byDir.err());
    CliRun byId = CliRun.of("train", "softmax", "--resume", "--logdir",
        tmp.resolve("runs").toString());
    assertEquals(ExitCode.DATA, byId.exit(), byId.err());
    assertTrue(byId.oneLineError() && byId.err().contains(" is not "), byId.err());
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

  private static final String SWEEP_HEADER = graphrunner.sweep.SweepTable.CSV_HEADER + "\n";

  /** The nine cells of a finished sweep, as the sweep command writes them. */
  private static String sweepRows() {
    StringBuilder rows = new StringBuilder();
    for (String rate : java.util.List.of("0.03", "0.003", "0.0003")) {
      for (String layers : java.util.List.of("3", "5", "7")) {
        rows.append(layers).append(',').append(rate)
            .append(",0.0001,20,0.5000,20,0.5000,0.97,1.0,completed\n");
      }
    }
    return rows.toString();
  }

  @ParameterizedTest
  @CsvSource({"empty", "cut short", "not numeric", "binary", "duplicate row", "header only"})
  void aDamagedSweepTableIsLeftOutOfTheReportWithANote(String damage) throws Exception {
    Path run = interruptedRunWith("status", "\"completed\"");
    Path sweep = Files.createDirectories(tmp.resolve("runs/sweep/20260101-000001"));
    String rows = sweepRows();
    byte[] csv = switch (damage) {
      case "empty" -> new byte[0];
      case "cut short" -> (SWEEP_HEADER + rows.substring(0, rows.length() - 30)).getBytes();
      case "not numeric" -> (SWEEP_HEADER + rows.replaceFirst("0\\.5000", "abc")).getBytes();
      case "binary" -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 10};
      case "duplicate row" -> (SWEEP_HEADER + rows + rows.lines().findFirst().orElseThrow()
          + "\n").getBytes();
      default -> SWEEP_HEADER.getBytes();
    };
    Path file = Files.write(sweep.resolve("sweep.csv"), csv);
    CliRun report = report(run.toString());
    assertEquals(ExitCode.OK, report.exit(), report.err());
    assertTrue(report.out().contains("report.html"), "the report is still written");
    java.util.List<String> notes = report.err().lines()
        .filter(l -> l.contains("sweep left out")).toList();
    assertEquals(1, notes.size(), report.err());
    assertTrue(notes.get(0).contains(file.toString()) && !report.err().contains("Exception"),
        report.err());
  }

  @Test
  void aFinishedSweepIsReportedWithoutANote() throws Exception {
    Path run = interruptedRunWith("status", "\"completed\"");
    Path sweep = Files.createDirectories(tmp.resolve("runs/sweep/20260101-000001"));
    Files.writeString(sweep.resolve("sweep.csv"), SWEEP_HEADER + sweepRows());
    CliRun report = report(run.toString());
    assertEquals(ExitCode.OK, report.exit(), report.err());
    assertTrue(report.err().contains("and the sweep") && !report.err().contains("left out"),
        report.err());
  }

  @Test
  void runsWithALogdirThatIsNoFolderIsAUsageError() throws Exception {
    CliRun missing = CliRun.of("runs", "--logdir", tmp.resolve("nonexistent").toString());
    assertEquals(ExitCode.USAGE, missing.exit());
    assertTrue(missing.oneLineError() && missing.err().contains("--logdir"), missing.err());
    Path file = Files.writeString(tmp.resolve("file"), "x");
    CliRun notAFolder = CliRun.of("runs", "--logdir", file.toString());
    assertEquals(ExitCode.USAGE, notAFolder.exit());
    assertTrue(notAFolder.oneLineError() && notAFolder.err().contains("--logdir"),
        notAFolder.err());
    CliRun empty = CliRun.of("runs", "--logdir",
        Files.createDirectories(tmp.resolve("empty")).toString());
    assertEquals(ExitCode.OK, empty.exit(), empty.err());
    assertTrue(empty.out().contains("no runs under"), empty.out());
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
