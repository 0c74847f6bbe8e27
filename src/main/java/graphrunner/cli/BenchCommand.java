package graphrunner.cli;

import graphrunner.bench.LoopFigures;
import graphrunner.bench.TrainingBenchmark;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunConfig;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code bench [ID]}: the runner's training loop against a bare loop on the same graph. */
final class BenchCommand implements Command {
  private static final String DEFAULT_EXPERIMENT = "fc5-relu-decay";
  private static final long DEFAULT_STEPS = 20_000;

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String arguments() {
    return "[ID]";
  }

  @Override
  public String summary() {
    return "time the runner's training loop against a bare Session loop (default: "
        + DEFAULT_EXPERIMENT + ", " + DEFAULT_STEPS + " steps each)";
  }

  @Override
  public Options options() {
    return TrainingFlags.addTo(new Options());
  }

  @Override
  public void run(CommandLine line, Console out) {
    String id = line.getArgList().isEmpty() ? DEFAULT_EXPERIMENT : Flags.single(line, "experiment id");
    Experiment experiment = Catalogue.experiment(id);
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(experiment.datasetId()),
        Optional.ofNullable(Flags.path(line, "data-dir", null)));
    Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, data.train().count());
    if (!line.hasOption("steps") && !line.hasOption("epochs")) {
      hp = hp.withSteps(DEFAULT_STEPS);
    }
    RunConfig config = TrainingFlags.runConfig(line, hp);
    out.println(String.format("bench %s: %,d steps of batch %d per loop, %d threads, seed %d",
        id, hp.steps(), hp.batchSize(), config.threads(), config.seed()));
    var bench = new TrainingBenchmark(id, data, config);
    // bare, runner, bare: the JIT warm-up of the first loop must not count against the runner
    LoopFigures warmBare = bench.bare();
    LoopFigures runner = bench.runner();
    LoopFigures bare = bench.bare();
    out.println(String.format("%-8s %9s %11s %8s %8s %11s   %s", "loop", "steps/s",
        "examples/s", "p50 ms", "p99 ms", "1st step s", "RSS MB after step 1, 25/50/75/100 %"));
    for (LoopFigures f : new LoopFigures[] {warmBare, runner, bare}) {
      double[] rss = f.rssMb();
      out.println(String.format("%-8s %9.1f %11.0f %8.3f %8.3f %11.2f   %.0f, %.0f / %.0f / %.0f / %.0f",
          f.name(), f.stepsPerSecond(), f.examplesPerSecond(), f.p50Millis(), f.p99Millis(),
          f.firstStepSeconds(), rss[0], rss[1], rss[2], rss[3], rss[4]));
    }
    out.println(String.format("%-8s   %s", "memory", "RSS MB / of which Java heap committed, "
        + "after step 1, 25/50/75/100 %"));
    for (LoopFigures f : new LoopFigures[] {warmBare, runner, bare}) {
      var row = new StringBuilder(String.format("%-8s  ", f.name()));
      for (int i = 0; i < 5; i++) {
        row.append(String.format(" %4.0f/%-4.0f", f.rssMb()[i], f.heapMb()[i]));
      }
      out.println(row.toString());
    }
    out.println(String.format("runner overhead: %+.1f %% (mean step time), %+.1f %% (p50)",
        100 * (bare.stepsPerSecond() / runner.stepsPerSecond() - 1),
        100 * (runner.p50Millis() / bare.p50Millis() - 1)));
  }
}
