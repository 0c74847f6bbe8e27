package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.TinyIdx;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench ID}: its loops side by side on tiny generated data, and what it makes of them. */
class BenchLoopsTest {
  @TempDir
  Path temp;

  @Test
  void rotatesTheThreeLoopsRoundByRoundAndComparesEachRoundsOwn() {
    String data = TinyIdx.writeDataset(temp.resolve("data"), 100, 20, 7).toString();
    var run = CliRun.of("bench", "softmax", "--data-dir", data, "--steps", "30", "--rounds", "3",
        "--threads", "1", "--seed", "3", "--turn-steps", "4");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    List<String> loops = run.out().lines()
        .filter(l -> l.matches("(warm-up (runner|bare)|(runner|bare|batches) \\d) .*"))
        .map(l -> l.substring(0, l.indexOf("  ")).trim())
        .toList();
    // both code paths warmed up before any is timed; each kind goes first once, so a machine
    // slowing down through a round favours none
    assertEquals(List.of("warm-up runner", "warm-up bare", "runner 1", "bare 1", "batches 1",
        "bare 2", "batches 2", "runner 2", "batches 3", "runner 3", "bare 3"), loops, run.out());
    assertTrue(run.out().contains("bare making batches"), run.out());
    for (String what : new String[] {"runner overhead", "of which making batches"}) {
      var line = Pattern.compile(what + ", median of the rounds' pairs: [+-]\\d+\\.\\d % "
          + "\\(mean step time; rounds( [+-]\\d+\\.\\d){3}\\), [+-]\\d+\\.\\d % \\(p50; "
          + "rounds( [+-]\\d+\\.\\d){3}\\)");
      assertTrue(line.matcher(run.out()).find(), what + "\n" + run.out());
    }
    // then in turns: 30 steps each in turns of 4 (the last one of 2), all counted, since
    // fewer than the 40 settling steps; 8 turns are enough for a 95 % interval of the median
    assertTrue(run.out().contains("taking turns of 4 steps (30 steps each, 8 turns counted)"),
        run.out());
    for (String what : new String[] {"runner overhead", "of which making batches"}) {
      var line = Pattern.compile(what + ", median of the turns' pairs: [+-]\\d+\\.\\d % "
          + "\\(mean step time; 95 % interval [+-]\\d+\\.\\d [+-]\\d+\\.\\d; "
          + "quartiles [+-]\\d+\\.\\d [+-]\\d+\\.\\d\\), "
          + "[+-]\\d+\\.\\d % \\(p50 of all steps\\)");
      assertTrue(line.matcher(run.out()).find(), what + "\n" + run.out());
    }
  }
}
