package graphrunner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A loop's figures leave out its settling steps, unless it has no more than those. */
class StepTimesTest {

  @Test
  void leavesOutTheSettlingSteps() {
    var times = new StepTimes(6, 2);
    for (long millis : new long[] {110, 72, 1, 2, 3, 4}) {
      times.add(millis * 1_000_000);
    }
    assertEquals(4, times.count());
    assertEquals(0.010, times.totalSeconds(), 1e-12);
    assertEquals(2.0, times.quantileMillis(0.5), 1e-12);
    assertEquals(4.0, times.quantileMillis(0.99), 1e-12);
  }

  @Test
  void aLoopNoLongerThanItsSettlingCountsEveryStep() {
    var times = new StepTimes(2, 2);
    times.add(110_000_000);
    times.add(2_000_000);
    assertEquals(2, times.count());
    assertEquals(0.112, times.totalSeconds(), 1e-12);
    assertEquals(110.0, times.quantileMillis(0.99), 1e-12);
  }
}
