package graphrunner.cli;

import graphrunner.UnwritableOutput;
import graphrunner.cluster.ClusterTask;
import graphrunner.cluster.TfConfig;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunConfig;
import graphrunner.train.TrainingResult;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * {@code train ID} as one task of a cluster (see {@link ClusterTask}): a parameter server serves,
 * a worker trains its shard, and the chief also writes what a single-process run writes.
 */
final class ClusterTrain {
  private ClusterTrain() {}

  static void run(CommandLine line, Console out, TrainCommand.Validated flags,
      TfConfig cluster) {
    Experiment experiment = flags.experiment();
    if (flags.probe().tuning().bfloat16() && line.hasOption("bf16")) {
      throw new UserError(ExitCode.USAGE, "--bf16 on: cluster jobs train in float32; "
          + "leave it off");
    }
    var task = new ClusterTask(cluster, ClusterFlags.timeout(line), out::note, lost -> {
      // the training thread may be blocked in TensorFlow for good: end here, with Main's line
      out.err().println("graph-runner: " + lost.getMessage());
      out.err().flush();
      out.out().flush();
      Runtime.getRuntime().halt(ExitCodes.of(lost).code());
    });
    out.note(experiment.id() + ": task " + cluster.task() + " of cluster " + cluster.cluster().jobs()
        + (cluster.isChief() ? " (chief)" : ""));
    if (cluster.task().isParameterServer()) {
      task.serve(TrainingFlags.runConfig(line, experiment, experiment.defaults()).threads());
      return;
    }
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(experiment.datasetId()),
        Optional.ofNullable(Flags.path(line, "data-dir", null)));
    Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, data.train().count());
    // every task must agree on the seed: it decides the initial weights and the data shards
    if (!line.hasOption("seed")) {
      throw new UserError(ExitCode.USAGE, "cluster training needs --seed N, the same on every "
          + "task (it decides the initial weights and how the training set is sharded)");
    }
    RunConfig config = float32(TrainingFlags.runConfig(line, experiment, hp));
    try (StopSignal stop = new StopSignal(out.err())) {
      if (!cluster.isChief()) {
        var figures = task.trainAsWorker(experiment, data, config, stop::requested);
        out.println(String.format("%s: %,d updates, %,.0f examples/s (global step %,d)",
            cluster.task(), figures.localSteps(), figures.examplesPerSecond(),
            figures.lastGlobalStep()));
        return;
      }
      RunOutputs outputs = RunOutputs.checked(line, experiment.id()); // only the chief writes
      Path runDir = RunDirectory.create(outputs.logdir(), experiment.id());
      out.note("run directory: " + runDir + "   (see it: tensorboard --logdir "
          + outputs.logdir() + ")");
      TrainingResult result;
      try {
        result = task.trainAsChief(experiment, data, config,
            TrainCommand.listeners(line, out, flags, runDir, hp, config), runDir,
            stop::requested);
      } catch (UnwritableOutput e) {
        throw MidRunWriteFailure.stopChief(e, runDir); // a full disk midway
      } catch (RuntimeException e) {
        RunDirectory.removeIfEmpty(runDir); // a cluster that never came up leaves no run behind
        throw e;
      }
      out.println(String.format("%s %s: max test accuracy %.4f (step %,d), final %.4f "
              + "(slide: %s); %,.0f examples/s in total, %.1f s", experiment.id(),
          result.status(), result.maxTestAccuracy(), result.maxAccuracyStep(),
          result.finalTestAccuracy(), experiment.slideAccuracy(), result.examplesPerSecond(),
          result.wallSeconds()));
      out.println("summary: " + SummaryJson.file(runDir));
      if (!result.completed()) {
        throw new UserError(stop.exitCode(), "interrupted at global step " + result.steps());
      }
      outputs.exportRoot().ifPresent(root -> ExportCommand.exportRun(RecordedRun.read(runDir), hp,
          config.seed(), data.classNames(), root, out, stop));
    }
  }

  /**
   * A cluster's sessions multiply in float32, whatever the experiment's default on this CPU:
   * {@code --bf16} is one process's oneDNN setting, and the tasks' CPUs may differ.
   */
  private static RunConfig float32(RunConfig config) {
    return config.withTuning(config.tuning().withBfloat16(false));
  }
}
