package graphrunner.cli;

import java.util.Map;

/**
 * The suite's remaining time. Each item weighs what it took on this project's 2-core machine at
 * the slide's settings (README), scaled by its steps; once something has trained, the weights are
 * converted to seconds at the pace observed so far, so a faster or busier machine corrects itself.
 */
final class SuiteEta {
  /**
   * Seconds for the slide's settings, measured on 2 cores (README), except mnist-softmax and
   * mnist-cnn, estimated from softmax and from mnist-cnn's 100-step time; others count as 60 s.
   * The sweep trains two cells at once: less than half its former 172 s (119.5 and 145.5 s
   * against 241.3 and 335.1 s one at a time, 2026-12-01).
   */
  private static final Map<String, Double> MEASURED_SECONDS = Map.ofEntries(
      Map.entry("softmax", 2.0), Map.entry("fc5-sigmoid", 20.0), Map.entry("fc5-relu", 24.0),
      Map.entry("fc5-relu-decay", 20.0), Map.entry("fc5-relu-decay-dropout", 41.0),
      Map.entry("dfn", 6.0), Map.entry("cnn", 77.0), Map.entry("cnn-dropout", 105.0),
      Map.entry("cnn-batchnorm", 900.0), Map.entry("keras-cnn", 121.0),
      Map.entry("ime-cnn", 33.0), Map.entry("mnist-softmax", 2.0), Map.entry("mnist-cnn", 600.0),
      Map.entry("sweep", 80.0));
  /** Building the graph, evaluating and exporting cost time however few the steps. */
  private static final double FIXED_SECONDS = 3.0;

  private double doneWeight;
  private double doneSeconds;

  /** The weight of one item: its measured time scaled to {@code steps} of {@code fullSteps}. */
  static double weight(String id, long steps, long fullSteps) {
    return FIXED_SECONDS + MEASURED_SECONDS.getOrDefault(id, 60.0) * steps / fullSteps;
  }

  /** Records an item trained in {@code seconds}. */
  void trained(double weight, double seconds) {
    doneWeight += weight;
    doneSeconds += seconds;
  }

  /** Seconds left for items of total weight {@code remainingWeight}. */
  double secondsLeft(double remainingWeight) {
    double pace = doneWeight > 0 ? doneSeconds / doneWeight : 1.0;
    return remainingWeight * pace;
  }

  static String format(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
