package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}, {@code sweep}, {@code reproduce}, {@code export}, {@code predict},
 * {@code inspect} and {@code report} check their whole command line before reading any data, run
 * or model: given an input that does not exist, a bad flag is still what they report, and it
 * leaves nothing behind.
 */
class RequestsCheckedFirstTest {
  @TempDir Path temp;

  private String missingData() {
    return temp.resolve("no-such-data").toString();
  }

  @Test
  void benchRefusesAFlagItsExperimentCannotTakeBeforeLookingForData() {
    var run = CliRun.of("bench", "cnn", "--batch-norm", "one-pass", "--data-dir", missingData());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("cnn has no batch-norm layers"), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void benchRefusesABadRoundCountBeforeLookingForData() {
    var run = CliRun.of("bench", "--rounds", "0", "--data-dir", missingData());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--rounds"), run.err());
  }

  @Test
  void reproduceRefusesBadThreadsAndAnUnwritableLogdirBeforeTrainingAnything() throws Exception {
    var run = CliRun.of("reproduce", "softmax", "--threads", "0", "--data-root", missingData(),
        "--report-dir", temp.resolve("reports").toString());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--threads"), run.err());
    Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
    run = CliRun.of("reproduce", "softmax", "--logdir", file.resolve("runs").toString(),
        "--data-root", missingData(), "--report-dir", temp.resolve("reports").toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.err().contains("--logdir"), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void sweepRefusesAnUnwritableLogdirBeforeLookingForData() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
    var run = CliRun.of("sweep", "--logdir", file.resolve("runs").toString(), "--data-dir",
        missingData());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.err().contains("--logdir"), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertFalse(Files.exists(file.resolve("runs")));
  }

  @Test
  void exportRefusesAnUnwritableExportDirBeforeReadingTheRun() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
    var run = CliRun.of("export", temp.resolve("no-such-run").toString(), "--export-dir",
        file.resolve("models").toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.err().contains("--export-dir " + file.resolve("models")), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void predictRefusesAnUnknownDataSetBeforeLoadingTheModel() {
    var run = CliRun.of("predict", temp.resolve("no-such-model").toString(), "--dataset",
        "fashion", "--data-dir", missingData());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("unknown data set 'fashion'"), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void predictRefusesAMissingImageBeforeLoadingTheModel() {
    Path image = temp.resolve("no-such-image.png");
    var run = CliRun.of("predict", temp.resolve("no-such-model").toString(), image.toString());
    assertEquals(ExitCode.DATA, run.exit(), run.err());
    assertTrue(run.err().contains(image.toString()), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertEquals("", run.out(), "no prediction printed for some images only");
  }

  @Test
  void inspectAndExportRefuseExtraArgumentsBeforeReadingThem() {
    var inspect = CliRun.of("inspect", temp.resolve("a").toString(), temp.resolve("b").toString());
    assertEquals(ExitCode.USAGE, inspect.exit(), inspect.err());
    assertTrue(inspect.err().contains("expected one SavedModel directory"), inspect.err());
    var export = CliRun.of("export", temp.resolve("a").toString(), temp.resolve("b").toString());
    assertEquals(ExitCode.USAGE, export.exit(), export.err());
    assertTrue(export.err().contains("expected one run directory"), export.err());
  }

  @Test
  void reportRefusesAnUnwritableReportDirBeforeReadingAnyRun() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
    var run = CliRun.of("report", temp.resolve("no-such-run").toString(), "--report-dir",
        file.resolve("reports").toString(), "--logdir", temp.resolve("no-runs").toString());
    assertEquals(ExitCode.IO, run.exit(), run.err());
    assertTrue(run.err().contains("--report-dir " + file.resolve("reports")), run.err());
    assertTrue(run.oneLineError(), run.err());
  }

  @Test
  void reportWithNothingToReportLeavesNoReportFolder() {
    Path reports = temp.resolve("reports");
    var run = CliRun.of("report", "--report-dir", reports.toString(), "--logdir",
        temp.resolve("no-runs").toString());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("no finished runs"), run.err());
    assertFalse(Files.exists(reports), "the writability check creates nothing");
  }
}
