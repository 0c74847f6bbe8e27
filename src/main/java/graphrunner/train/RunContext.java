package graphrunner.train;

import graphrunner.data.DataSplits;
import graphrunner.experiments.Experiment;
import graphrunner.graph.Model;
import graphrunner.graph.TrainStep;
import java.util.function.BooleanSupplier;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * A run as listeners see it: the experiment, its settings, the live graph and session (owned by
 * the {@link Trainer}; listeners never close them), and the loop's running tally.
 *
 * @param device the device the graph actually runs on, e.g. {@code /device:CPU:0}
 * @param stopRequested true once the user asked the run to stop (Ctrl-C, SIGTERM)
 * @param startup when the run reached each phase before its first update
 */
public record RunContext(Experiment experiment, RunConfig config, DataSplits data, Graph graph,
    Session session, Model model, TrainStep trainStep, String device, LoopProgress progress,
    BooleanSupplier stopRequested, StartupTimes startup) {

  /** True when this run continues from a checkpoint rather than from step 0. */
  public boolean resumed() {
    return progress.startStep() > 0;
  }
}
