package graphrunner.bench;

import java.util.Arrays;

/**
 * Per-step durations of one benchmark loop, and resident memory (with the committed Java heap)
 * after the first step and at each quarter of the loop: a leak shows as growth that does not
 * level off and that the heap does not explain. The time figures leave out the loop's first
 * {@code settling} steps when it has more.
 */
final class StepTimes {
  private final long[] nanos;
  private final int settling;
  private final double[] rssMb = new double[5];
  private final double[] heapMb = new double[5];
  private int count;

  StepTimes(int capacity, int settling) {
    nanos = new long[capacity];
    this.settling = settling;
  }

  void add(long stepNanos) {
    if (count < nanos.length) {
      nanos[count++] = stepNanos;
      int quarter = nanos.length / 4;
      if (count == 1) {
        sampleMemory(0);
      } else if (quarter > 0 && count % quarter == 0 && count / quarter <= 4) {
        sampleMemory(count / quarter);
      }
    }
  }

  /**
   * RSS, and the part of it that is Java heap the JVM has committed: growth that the heap explains
   * is the collector sizing itself, not a leak of native memory.
   */
  private void sampleMemory(int at) {
    rssMb[at] = ResidentMemory.megabytes();
    heapMb[at] = Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
  }

  /** Committed Java heap in MB at the same points as {@link #rssMb()}. */
  double[] heapMb() {
    return heapMb.clone();
  }

  /** RSS in MB after step 1, 25 %, 50 %, 75 % and 100 % of the steps. */
  double[] rssMb() {
    return rssMb.clone();
  }

  /** The steps the time figures count. */
  int count() {
    return count - firstTimed();
  }

  double totalSeconds() {
    long sum = 0;
    for (int i = firstTimed(); i < count; i++) {
      sum += nanos[i];
    }
    return sum / 1e9;
  }

  /** The q-quantile in milliseconds, nearest rank. */
  double quantileMillis(double q) {
    long[] sorted = Arrays.copyOfRange(nanos, firstTimed(), count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
  }

  private int firstTimed() {
    return count > settling ? settling : 0;
  }
}
