package graphrunner.bench;

import java.util.Arrays;

/**
 * A sample's median and a 95 % confidence interval for it that assumes no distribution: the
 * true median lies between the k-th smallest and the k-th largest of n independent values with
 * probability 1 − 2·P(B < k), B ~ binomial(n, ½), and k is the largest that keeps this at least
 * 95 %. {@code bench} gives it for the overheads of its turns: on a machine whose turns' pairs
 * spread over tens of percent, it says whether one run tells +3 % from +5 % at all.
 *
 * @param median the sample's median
 * @param low the interval's lower end, NaN with fewer than 6 values (no k reaches 95 %)
 * @param high its upper end, likewise
 */
public record MedianInterval(double median, double low, double high) {
  private static final double CONFIDENCE = 0.95;

  public static MedianInterval of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    int k = rank(n);
    return k == 0 ? new MedianInterval(median, Double.NaN, Double.NaN)
        : new MedianInterval(median, sorted[k - 1], sorted[n - k]);
  }

  /** The largest k ≥ 1 with 2·P(B ≤ k − 1) ≤ 5 %, or 0 when even k = 1 misses it. */
  static int rank(int n) {
    double tail = (1 - CONFIDENCE) / 2;
    // P(B = i) in logs, since ½ⁿ underflows for n > 1,074
    double logPmf = -n * Math.log(2);
    double below = 0; // P(B ≤ k − 1)
    int k = 0;
    while (k < n / 2) {
      below += Math.exp(logPmf);
      if (below > tail) {
        break;
      }
      k++;
      logPmf += Math.log((double) (n - k + 1) / k);
    }
    return k;
  }

  public boolean bounded() {
    return !Double.isNaN(low);
  }
}
