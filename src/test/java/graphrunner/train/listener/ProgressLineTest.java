package graphrunner.train.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private static String lineAt(int columns) {
    var listener = new TerminalProgressListener(new PrintStream(new ByteArrayOutputStream()),
        columns);
    return listener.line("fc5-relu-decay-dropout");
  }

  @Test
  void theLineNeverReachesTheLastColumnSoItCannotWrap() {
    for (int columns : new int[] {60, 61, 80, 120, 250}) {
      String line = lineAt(columns);
      assertEquals(columns - 1, line.length(), "at " + columns + " columns: '" + line + "'");
    }
  }

  @Test
  void aNarrowTerminalKeepsTheBarTheStepsAndTheEta() {
    String line = lineAt(60);
    assertTrue(line.contains("[") && line.contains("]"), line);
    assertTrue(line.contains("0/0"), line);
    assertTrue(line.contains("ETA"), line);
  }

  @Test
  void belowSixtyColumnsTheLineIsSixtyWide() {
    assertEquals(59, lineAt(20).length());
  }

  @Test
  void theEtaFollowsTheRecentPaceNotTheSlowStart() {
    var rate = new RecentRate();
    rate.stepDone(100, 30_000_000_000L);       // a slow start: 100 steps in 30 s (warm-up)
    for (long step = 1100; step <= 31_100; step += 1000) {
      rate.stepDone(step, 1_000_000_000L);    // then 1,000 steps a second
    }
    long eta = rate.etaSeconds(41_100, 1_000_000);
    assertTrue(eta >= 9 && eta <= 11, "10 s at the recent pace, got " + eta);
  }

  @Test
  void theEtaCountsTheEvaluationsStillDue() throws Exception {
    var rate = new RecentRate();
    rate.stepDone(100, 1_000_000_000L);
    rate.stepDone(200, 1_000_000_000L);       // 100 steps a second
    Thread.sleep(200);
    rate.evaluated();                          // an evaluation of about 0.2 s
    // 200 → 1,000: 8 s of updates, then evaluations at 200, 400, 600, 800 and 1,000
    long eta = rate.etaSeconds(1000, 200);
    assertTrue(eta >= 9 && eta <= 11, "8 s + 5 × 0.2 s, got " + eta);
  }

  @Test
  void noEtaBeforeThereIsAPace() {
    var rate = new RecentRate();
    assertEquals(-1, rate.etaSeconds(100, 10));
    rate.stepDone(10, 1_000_000L);
    assertEquals("--:--", RecentRate.format(rate.etaSeconds(100, 10)));
    assertEquals("1:02:05", RecentRate.format(3725));
  }
}
