package graphrunner.report;

import java.util.List;
import java.util.Optional;

/** One grid of test images with the model's predictions, misclassified first. */
final class PredictionSection {
  private PredictionSection() {}

  /** The last grid logged by {@code run} (the keras-cnn run when there is one). */
  static Section of(Optional<RunRecord> run) {
    Optional<byte[]> grid = run.flatMap(r -> RunCurves.read(r.runDir()).lastPredictionGrid());
    if (grid.isEmpty()) {
      return new Section("predictions", "Predictions", List.of(
          new Block.Text("No prediction grid in the runs' event files.")));
    }
    return new Section("predictions", "Predictions: " + run.get().experiment(), List.of(
        new Block.Text("Test images at the last evaluation of " + run.get().runDir()
            + ", misclassified first: red captions are wrong predictions, the true class below."),
        new Block.Figure("Prediction grid of " + run.get().experiment(), grid.get())));
  }
}
