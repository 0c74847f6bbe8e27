package graphrunner.cli;

import graphrunner.bench.LoopFigures;
import graphrunner.bench.MachinePeak;
import graphrunner.bench.TrainingBenchmark;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunConfig;
import graphrunner.train.Tuning;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code bench [ID]}: the runner's training loop against a bare loop on the same graph. */
final class BenchCommand implements Command {
  private static final String DEFAULT_EXPERIMENT = "fc5-relu-decay";
  private static final long DEFAULT_STEPS = 20_000;
  private static final int PROFILED_STEPS = 50;

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
    return TrainingFlags.addTo(new Options()).addOption(Option.builder().longOpt("profile")
        .desc("also trace " + PROFILED_STEPS + " steps with TensorFlow's step stats: the top "
            + "op types and the time outside the ops").build());
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
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
    Tuning tuning = config.tuning();
    out.println(String.format("bench %s: %,d steps of batch %d per loop; threads %d intra-op, %d "
        + "inter-op; xla %s; prefetch %s%s; seed %d", id, hp.steps(), hp.batchSize(),
        tuning.intraOpThreads(), tuning.interOpThreads(), onOff(tuning.xla()),
        onOff(tuning.prefetch()), experiment.batchNormalised()
            ? "; batch norm " + hp.batchNorm().flag() : "", config.seed()));
    double peak = MachinePeak.gflops(config);
    var bench = new TrainingBenchmark(id, data, config);
    double stepFlops = bench.trainingFlopsPerStep();
    double arithmeticMs = stepFlops / peak / 1e6;
    out.println(String.format("machine: %.1f GFLOP/s (median float MatMul, same threads); "
        + "a training step ≈ %.1f MFLOP (MatMul and Conv2D), %.3f ms at that rate",
        peak, stepFlops / 1e6, arithmeticMs));
    // bare, runner, bare: the JIT warm-up of the first loop must not count against the runner
    LoopFigures warmBare = bench.bare();
    LoopFigures runner = bench.runner();
    LoopFigures bare = bench.bare();
    out.println(String.format("%-8s %9s %11s %8s %8s %7s %12s %11s   %s", "loop", "steps/s",
        "examples/s", "p50 ms", "p99 ms", "peak", "overhead ms", "1st step s",
        "RSS MB after step 1, 25/50/75/100 %"));
    for (LoopFigures f : new LoopFigures[] {warmBare, runner, bare}) {
      double[] rss = f.rssMb();
      double stepMs = 1e3 / f.stepsPerSecond();
      out.println(String.format("%-8s %9.1f %11.0f %8.3f %8.3f %6.1f%% %12.3f %11.2f   "
          + "%.0f, %.0f / %.0f / %.0f / %.0f", f.name(), f.stepsPerSecond(),
          f.examplesPerSecond(), f.p50Millis(), f.p99Millis(), 100 * arithmeticMs / stepMs,
          stepMs - arithmeticMs, f.firstStepSeconds(), rss[0], rss[1], rss[2], rss[3], rss[4]));
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
    out.println(String.format("runner overhead: %+.1f %% (mean step time), %+.1f %% (p50); "
        + "peak = share of the machine's MatMul rate, overhead = step time beyond arithmetic",
        100 * (bare.stepsPerSecond() / runner.stepsPerSecond() - 1),
        100 * (runner.p50Millis() / bare.p50Millis() - 1)));
    if (line.hasOption("profile")) {
      bench.profile(PROFILED_STEPS).steps().lines(12).forEach(out::println);
    }
  }
}
