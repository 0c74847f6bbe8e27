package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted reproduce goes on where it stopped; other settings train again. */
@Tag("slow") // several training runs per test
class ReproduceResumeTest {
  @TempDir Path tmp;

  private Path onlyRun(String experiment) throws Exception {
    try (Stream<Path> dirs = Files.list(tmp.resolve("runs").resolve(experiment))) {
      return dirs.findFirst().orElseThrow();
    }
  }

  @Test
  void anInterruptedRunIsResumedInPlaceAndFinishedOnesAreKept() throws Exception {
    ReproduceReportTest.writeTinyData(tmp);
    assertEquals(ExitCode.OK, ReproduceReportTest.reproduce(tmp, "softmax", "dfn").exit());
    // what a Ctrl-C during dfn leaves behind: summary.json with status "interrupted"
    Path summary = onlyRun("dfn").resolve("summary.json");
    Files.writeString(summary, Files.readString(summary)
        .replace("\"completed\"", "\"interrupted\""));

    CliRun again = ReproduceReportTest.reproduce(tmp, "softmax", "dfn");
    assertEquals(ExitCode.OK, again.exit(), again.err());
    assertEquals(1, ReproduceReportTest.runDirs(tmp, "softmax"));
    assertEquals(1, ReproduceReportTest.runDirs(tmp, "dfn"), "resumed, not trained again");
    assertTrue(again.err().contains("resuming " + onlyRun("dfn")), again.err());
    assertTrue(again.out().contains("dfn completed"), again.out());
    assertTrue(Files.readString(summary).contains("\"completed\""));
  }

  @Test
  void aRunWithOtherDataIsNotReused() throws Exception {
    ReproduceReportTest.writeTinyData(tmp);
    assertEquals(ExitCode.OK, ReproduceReportTest.reproduce(tmp, "softmax").exit());
    graphrunner.data.TinyIdx.writeDataset(tmp.resolve("data/fashion-mnist"), 300, 100, 99);
    assertEquals(ExitCode.OK, ReproduceReportTest.reproduce(tmp, "softmax").exit());
    assertEquals(2, ReproduceReportTest.runDirs(tmp, "softmax"));
  }

  @Test
  void anExperimentWithoutItsDataIsSkippedAndTheOthersAreReported() throws Exception {
    graphrunner.data.TinyIdx.writeDataset(tmp.resolve("data/fashion-mnist"), 300, 100, 3);
    CliRun run = ReproduceReportTest.reproduce(tmp, "softmax", "mnist-softmax");
    assertEquals(ExitCode.DATA, run.exit());
    assertTrue(run.err().contains("1 of 2 item(s) did not finish: mnist-softmax"), run.err());
    try (Stream<Path> reports = Files.list(tmp.resolve("reports"))) {
      Path report = reports.findFirst().orElseThrow();
      assertEquals(2, Files.readAllLines(report.resolve("results.csv")).size());
    }
  }
}
