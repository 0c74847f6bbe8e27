package graphrunner.train;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.savedmodel.SavedModelExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Exports a run's checkpoint as a SavedModel holding the inference graph only: the experiment's
 * graph is built again without training ops or device pins, and the checkpoint's variables (moving
 * averages included) are restored into it. It therefore loads on any device, and its knobs keep
 * their inference defaults. {@code train} exports its final checkpoint this way, and
 * {@code graph-runner export RUN_DIR} any run's newest.
 */
public final class CheckpointExport {
  private CheckpointExport() {}

  /** Returns the finished {@code <exportRoot>/<id>/<version>/} directory. */
  public static Path export(String experimentId, Hyperparameters hp, long seed,
      Checkpoint checkpoint, List<String> classNames, Path exportRoot,
      BooleanSupplier stopRequested) {
    Experiment experiment = Catalogue.experiment(experimentId);
    try (Graph graph = new Graph()) {
      Model model = experiment.build(Ops.create(graph), new Seeds(seed), hp);
      try (Session session = new Session(graph)) {
        checkpoint.restoreInto(session);
        return SavedModelExporter.export(session, model, exportRoot, experiment.id(), classNames,
            stopRequested);
      }
    }
  }
}
