package graphrunner.metrics;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over a test set, and the scores read from them:
 * accuracy, per-class precision, recall and F1, and micro F1.
 */
public final class ConfusionMatrix {
  private final List<String> classNames;
  private final long[][] counts;

  public ConfusionMatrix(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
    this.counts = new long[classNames.size()][classNames.size()];
  }

  /** {@code labels[i]} is image i's true class, {@code predicted[i]} the model's. */
  public static ConfusionMatrix of(List<String> classNames, int[] labels, long[] predicted) {
    var matrix = new ConfusionMatrix(classNames);
    for (int i = 0; i < labels.length; i++) {
      matrix.add(labels[i], (int) predicted[i]);
    }
    return matrix;
  }

  public void add(int actual, int predicted) {
    counts[actual][predicted]++;
  }

  public int classes() {
    return counts.length;
  }

  /** Images of true class {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    return total;
  }

  /** The share classified right. */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < counts.length; c++) {
      right += counts[c][c];
    }
    return total() == 0 ? 0 : (double) right / total();
  }

  public double precision(int c) {
    long predictedC = 0;
    for (long[] row : counts) {
      predictedC += row[c];
    }
    return predictedC == 0 ? 0 : (double) counts[c][c] / predictedC;
  }

  public double recall(int c) {
    long actualC = 0;
    for (long n : counts[c]) {
      actualC += n;
    }
    return actualC == 0 ? 0 : (double) counts[c][c] / actualC;
  }

  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * Micro-averaged F1. With one label per image each mistake is one false positive and one false
   * negative, so micro precision = micro recall = micro F1 = accuracy.
   */
  public double microF1() {
    return accuracy();
  }

  /** The matrix, rows the true classes and columns the predictions, as sklearn prints it. */
  public String format() {
    var text = new StringBuilder(String.format("%-12s", "true \\ pred"));
    for (int c = 0; c < counts.length; c++) {
      text.append(String.format(" %6s", abbreviate(classNames.get(c), 6)));
    }
    text.append("\n");
    for (int r = 0; r < counts.length; r++) {
      text.append(String.format("%-12s", abbreviate(classNames.get(r), 12)));
      for (long c : counts[r]) {
        text.append(String.format(" %6d", c));
      }
      text.append("\n");
    }
    return text.toString();
  }

  /** Per-class precision, recall and F1, one class a line. */
  public String formatScores() {
    var text = new StringBuilder(String.format("%-14s %9s %9s %9s%n", "class", "precision",
        "recall", "F1"));
    for (int c = 0; c < counts.length; c++) {
      text.append(String.format("%-14s %9.4f %9.4f %9.4f%n", classNames.get(c), precision(c),
          recall(c), f1(c)));
    }
    return text.toString();
  }

  private static String abbreviate(String name, int width) {
    return name.length() <= width ? name : name.substring(0, width);
  }
}
