package graphrunner.train.listener;

import java.util.ArrayDeque;

/**
 * The time a run still needs: the remaining updates at the pace of the last
 * {@link #WINDOW_SECONDS} of training, plus the remaining test-set evaluations at the last one's
 * duration. Early ETAs from the whole run's average were far too long (the first steps pay for JIT
 * warm-up and graph optimisation), and a window of wall time was thrown off by each evaluation.
 */
final class RecentRate {
  static final double WINDOW_SECONDS = 20;
  private final ArrayDeque<double[]> samples = new ArrayDeque<>(); // {training seconds, step}
  private long trainNanos;
  private long lastStepEndNanos;
  private double evaluationSeconds;

  /** After every update, with the update's own duration. */
  void stepDone(long stepsDone, long stepNanos) {
    trainNanos += stepNanos;
    lastStepEndNanos = System.nanoTime();
    double seconds = trainNanos / 1e9;
    samples.addLast(new double[] {seconds, stepsDone});
    while (samples.size() > 2 && seconds - samples.peekFirst()[0] > WINDOW_SECONDS) {
      samples.removeFirst();
    }
  }

  /** After an evaluation: it took the time since the last update ended. */
  void evaluated() {
    if (lastStepEndNanos > 0) {
      evaluationSeconds = (System.nanoTime() - lastStepEndNanos) / 1e9;
    }
  }

  /** Seconds until {@code total} updates are done and evaluated; -1 while there is no pace yet. */
  long etaSeconds(long total, int evalEvery) {
    if (samples.size() < 2) {
      return -1;
    }
    double[] first = samples.peekFirst();
    double[] last = samples.peekLast();
    double stepsPerSecond = (last[1] - first[1]) / (last[0] - first[0]);
    if (!(stepsPerSecond > 0)) {
      return -1;
    }
    long step = (long) last[1];
    // due: one before each update whose index is a multiple of evalEvery, from this step on,
    // and one after the last update
    long evaluationsLeft = (total - 1) / evalEvery - Math.max(0, step - 1) / evalEvery + 1;
    return Math.round((total - step) / stepsPerSecond + evaluationsLeft * evaluationSeconds);
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
