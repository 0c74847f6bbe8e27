package graphrunner.train.listener;

import java.util.ArrayDeque;

/**
 * Steps per second over the last {@link #WINDOW_SECONDS} of a run, for an ETA that follows the
 * present pace (evaluations included, as they will recur) rather than the start's: the first
 * steps pay for JIT warm-up and graph optimisation and made early ETAs far too long.
 */
final class RecentRate {
  static final double WINDOW_SECONDS = 20;
  private final ArrayDeque<double[]> samples = new ArrayDeque<>(); // {seconds, step}

  void add(double seconds, long step) {
    samples.addLast(new double[] {seconds, step});
    while (samples.size() > 2 && seconds - samples.peekFirst()[0] > WINDOW_SECONDS) {
      samples.removeFirst();
    }
  }

  /** Seconds until {@code total} steps at the recent pace; -1 while there is no pace yet. */
  long etaSeconds(long total) {
    if (samples.size() < 2) {
      return -1;
    }
    double[] first = samples.peekFirst();
    double[] last = samples.peekLast();
    double stepsPerSecond = (last[1] - first[1]) / (last[0] - first[0]);
    return stepsPerSecond > 0 ? Math.round((total - last[1]) / stepsPerSecond) : -1;
  }

  static String format(long seconds) {
    if (seconds < 0) {
      return "--:--";
    }
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
