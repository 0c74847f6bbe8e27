package graphrunner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedianIntervalTest {

  /** Ranks worked out with exact binomial sums (Python's math.comb), not with this code. */
  @ParameterizedTest(name = "n = {0}: k = {1}")
  @CsvSource({"5, 0", "6, 1", "7, 1", "10, 2", "20, 6", "25, 8", "99, 40", "100, 40",
      "599, 276", "2000, 956"})
  void theRankIsTheLargestThatKeeps95Percent(int n, int k) {
    assertEquals(k, MedianInterval.rank(n));
  }

  @Test
  void ninetyNineTurnsGiveTheFortiethSmallestAndLargest() {
    double[] values = new double[99];
    for (int i = 0; i < 99; i++) {
      values[(i * 37) % 99] = i + 1; // 1..99, shuffled
    }
    var interval = MedianInterval.of(values);
    assertEquals(50, interval.median());
    assertEquals(40, interval.low());
    assertEquals(60, interval.high());
  }

  @Test
  void fiveValuesGiveNoInterval() {
    var interval = MedianInterval.of(new double[] {3, 1, 2, 5, 4});
    assertEquals(3, interval.median());
    assertFalse(interval.bounded());
  }

  @Test
  void itHoldsTheTrueMedianAtLeast95TimesInAHundred() {
    var random = new Random(11);
    int trials = 4000;
    int held = 0;
    for (int t = 0; t < trials; t++) {
      double[] values = new double[25];
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.exp(random.nextGaussian()); // skewed; its median is 1
      }
      var interval = MedianInterval.of(values);
      if (interval.low() <= 1 && 1 <= interval.high()) {
        held++;
      }
    }
    // k = 8 of 25 holds it with probability 95.7 %; k = 9 would give 89 %
    assertTrue(held >= 0.945 * trials, held + " of " + trials);
    assertTrue(held <= 0.97 * trials, held + " of " + trials);
  }
}
