package graphrunner.report;

import graphrunner.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Deck 002's evaluation of the Keras CNN: the confusion matrix and per-class scores. */
final class ClassificationSection {
  private ClassificationSection() {}

  static Section of(Optional<RunRecord> kerasRun) {
    Optional<ConfusionFile.Labeled> stored = kerasRun.flatMap(r -> ConfusionFile.read(r.runDir()));
    if (stored.isEmpty()) {
      return new Section("confusion", "Keras CNN: confusion matrix (deck 002)", List.of(
          new Block.Text(kerasRun.isEmpty() ? "No keras-cnn run in this report."
              : "The keras-cnn run has no " + ConfusionFile.NAME + " (reproduce writes it; "
                  + "graph-runner predict models/keras-cnn prints the matrix).")));
    }
    ConfusionMatrix m = stored.get().matrix();
    List<String> names = stored.get().classNames();
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < m.classes(); c++) {
      rows.add(List.of(names.get(c), f(m.precision(c)), f(m.recall(c)), f(m.f1(c))));
    }
    return new Section("confusion", "Keras CNN: confusion matrix (deck 002)", List.of(
        new Block.Text(String.format(Locale.ROOT, "The exported model on the %,d test images "
            + "of %s: accuracy %.4f, micro F1 %.4f.", m.total(), kerasRun.get().runDir(),
            m.accuracy(), m.microF1())),
        new Block.Figure("Confusion matrix", Charts.confusion(m, names)),
        new Block.Table(List.of("class", "precision", "recall", "F1"), rows)));
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
