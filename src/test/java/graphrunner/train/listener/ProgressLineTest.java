package graphrunner.train.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    rate.add(0, 0);
    rate.add(30, 100);     // a slow start: 100 steps in 30 s (warm-up)
    rate.add(31, 1100);    // then 1,000 steps a second
    rate.add(32, 2100);
    long eta = rate.etaSeconds(10_100);
    assertTrue(eta >= 7 && eta <= 9, "8 s at the recent pace, got " + eta);
  }

  @Test
  void noEtaBeforeThereIsAPace() {
    var rate = new RecentRate();
    assertEquals(-1, rate.etaSeconds(100));
    rate.add(1, 10);
    assertEquals("--:--", RecentRate.format(rate.etaSeconds(100)));
    assertFalse(RecentRate.format(3725).isEmpty());
    assertEquals("1:02:05", RecentRate.format(3725));
  }
}
