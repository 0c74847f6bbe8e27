package graphrunner.cli;

import graphrunner.bench.CatalogueArithmetic;
import graphrunner.bench.LoopFigures;
import graphrunner.bench.MachinePeak;
import graphrunner.bench.MedianInterval;
import graphrunner.bench.TrainingBenchmark;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.data.SplitFile;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.train.RunConfig;
import graphrunner.train.ThreadPools;
import graphrunner.train.Tuning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bench [ID]}: the runner's training loop against a bare loop on the same graph, and the
 * bare loop making its batches as the runner does; or {@code bench --catalogue}, the arithmetic
 * of the whole catalogue.
 */
final class BenchCommand implements Command {
  private static final String DEFAULT_EXPERIMENT = "fc5-relu-decay";
  private static final long DEFAULT_STEPS = 5_000;
  private static final int DEFAULT_ROUNDS = 3;
  private static final int DEFAULT_TURN_STEPS = 50;
  /** Loops shorter than this gave overheads far off those of longer ones (README, Speed). */
  private static final double MIN_STEADY_SECONDS = 3;
  private static final int PROFILED_STEPS = 50;
  private static final long MOST_STEPS = 10_000_000;
  private static final int MOST_ROUNDS = 50;

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
    return TrainingFlags.addTo(new Options())
        .addOption(TrainingFlags.valued("steps", "N", "steps per loop (default: "
            + String.format("%,d", DEFAULT_STEPS) + ")"))
        .addOption(TrainingFlags.valued("rounds", "N", "runner, bare and batch-making loops in "
            + "turn, N times each after a runner and a bare loop to warm up (" + DEFAULT_ROUNDS
            + "); medians are reported"))
        .addOption(TrainingFlags.valued("turn-steps", "N", "then the three loops taking turns "
            + "of N steps in one process, --steps each (default: " + DEFAULT_TURN_STEPS + ")"))
        .addOption(Option.builder().longOpt("profile")
        .desc("also trace " + PROFILED_STEPS + " steps with TensorFlow's step stats: the top "
            + "op types and the time outside the ops").build())
        .addOption(Option.builder().longOpt("catalogue")
        .desc("instead: the arithmetic of every reproduce item at the slide's settings, and the "
            + "time it takes at this machine's MatMul peak (a floor)").build());
  }

  private static double median(List<LoopFigures> loops, ToDoubleFunction<LoopFigures> figure) {
    return median(loops.stream().mapToDouble(figure).toArray());
  }

  private static double median(double[] values) {
    return MedianInterval.of(values).median();
  }

  private static String percents(double[] values) {
    var text = new StringBuilder();
    for (double v : values) {
      text.append(text.length() == 0 ? "" : " ").append(String.format("%+.1f", v));
    }
    return text.toString();
  }

  /**
   * How much slower {@code loops} ran than {@code bares}: the median over the rounds of each
   * round's own pair, by mean step time and by p50, every round's figure beside it.
   */
  private static void printOverhead(Console out, String what, List<LoopFigures> loops,
      List<LoopFigures> bares) {
    int rounds = loops.size();
    double[] mean = new double[rounds];
    double[] p50 = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      mean[i] = 100 * (bares.get(i).examplesPerSecond() / loops.get(i).examplesPerSecond() - 1);
      p50[i] = 100 * (loops.get(i).p50Millis() / bares.get(i).p50Millis() - 1);
    }
    out.println(String.format("%s, median of the rounds' pairs: %+.1f %% (mean step time; rounds "
        + "%s), %+.1f %% (p50; rounds %s)", what, median(mean), percents(mean), median(p50),
        percents(p50)));
  }

  /**
   * The loops taking turns: each one's rate and p50 over all its steps, and the overheads as the
   * median over the turns of each turn's own pair, with the quartiles to show their spread.
   */
  private static void printTurns(Console out, TrainingBenchmark.Turns turns, int turnSteps,
      Hyperparameters hp, double arithmeticMs) {
    LoopFigures runner = turns.runner();
    LoopFigures bare = turns.bare();
    LoopFigures batches = turns.batches();
    out.println(String.format("taking turns of %d steps (%,d steps each, %d turns counted): "
        + "runner %.0f examples/s (%.1f %% of peak, p50 %.3f ms), bare %.0f (%.1f %%, %.3f), "
        + "bare making batches %.0f (%.1f %%, %.3f)", turnSteps, hp.steps(),
        turns.turnNanos().length, runner.examplesPerSecond(),
        share(runner.examplesPerSecond(), hp, arithmeticMs), runner.p50Millis(),
        bare.examplesPerSecond(), share(bare.examplesPerSecond(), hp, arithmeticMs),
        bare.p50Millis(), batches.examplesPerSecond(),
        share(batches.examplesPerSecond(), hp, arithmeticMs), batches.p50Millis()));
    printTurnOverhead(out, "runner overhead", turns.runnerOverheads(), runner, bare);
    printTurnOverhead(out, "of which making batches", turns.batchOverheads(), batches, bare);
  }

  private static void printTurnOverhead(Console out, String what, double[] byTurn,
      LoopFigures loop, LoopFigures bare) {
    double[] sorted = byTurn.clone();
    Arrays.sort(sorted);
    var middle = MedianInterval.of(byTurn);
    String interval = middle.bounded()
        ? String.format("95 %% interval %+.1f %+.1f; ", middle.low(), middle.high()) : "";
    out.println(String.format("%s, median of the turns' pairs: %+.1f %% (mean step time; "
        + "%squartiles %+.1f %+.1f), %+.1f %% (p50 of all steps)", what, middle.median(),
        interval, quantile(sorted, 0.25), quantile(sorted, 0.75),
        100 * (loop.p50Millis() / bare.p50Millis() - 1)));
  }

  /** The q-quantile of {@code sorted}, nearest rank. */
  private static double quantile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /** The share of the machine's peak that {@code examplesPerSecond} is. */
  private static double share(double examplesPerSecond, Hyperparameters hp, double arithmeticMs) {
    double stepMs = 1e3 * hp.batchSize() / examplesPerSecond;
    return 100 * arithmeticMs / stepMs;
  }

  /**
   * What {@code bench} was asked, every flag checked before the data is read.
   *
   * @param probe the settings as far as they are known before the data (--epochs needs its size)
   */
  record Request(Experiment experiment, RunConfig probe, int rounds, int turnSteps,
      boolean profile, Optional<Path> dataDir, boolean catalogue) {

    /** Flags that change one run's settings: --catalogue counts the slide's, so refuses them. */
    private static final List<String> RUN_FLAGS = List.of("steps", "epochs", "batch-size", "lr",
        "pkeep", "init", "batch-norm", "seed", "eval-every", "rounds", "turn-steps", "profile",
        "prefetch", "data-dir");

    static Request from(CommandLine line) {
      if (line.hasOption("catalogue")) {
        if (!line.getArgList().isEmpty()) {
          throw new UserError(ExitCode.USAGE, "bench --catalogue covers every experiment; it "
              + "takes no experiment id, got " + String.join(" ", line.getArgList()));
        }
        RUN_FLAGS.stream().filter(line::hasOption).findFirst().ifPresent(flag -> {
          throw new UserError(ExitCode.USAGE, "bench --catalogue counts the slide's settings; "
              + "--" + flag + " does not apply");
        });
        Experiment any = Catalogue.experiment(DEFAULT_EXPERIMENT);
        return new Request(any, TrainingFlags.runConfigOnEveryCore(line, any.defaults()), 0,
            0, false, Optional.empty(), true);
      }
      String id = line.getArgList().isEmpty() ? DEFAULT_EXPERIMENT
          : Flags.single(line, "experiment id");
      Experiment experiment = Catalogue.experiment(id);
      Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, Integer.MAX_VALUE);
      // every step's time is kept: the loops' lengths bound the memory
      if (line.hasOption("steps") && hp.steps() > MOST_STEPS) {
        throw new UserError(ExitCode.USAGE, "bench --steps " + hp.steps() + ": at most "
            + String.format("%,d", MOST_STEPS) + " per loop");
      }
      int rounds = Flags.positiveInt(line, "rounds", DEFAULT_ROUNDS);
      if (rounds > MOST_ROUNDS) {
        throw new UserError(ExitCode.USAGE, "bench --rounds " + rounds + ": at most "
            + MOST_ROUNDS);
      }
      int turnSteps = Flags.positiveInt(line, "turn-steps", DEFAULT_TURN_STEPS);
      return new Request(experiment, TrainingFlags.runConfig(line, experiment, hp),
          rounds, turnSteps, line.hasOption("profile"),
          Optional.ofNullable(Flags.path(line, "data-dir", null)), false);
    }

    /** The settings once the data's size is known. */
    RunConfig config(CommandLine line, int trainCount) {
      Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, trainCount);
      if (!line.hasOption("steps") && !line.hasOption("epochs")) {
        hp = hp.withSteps(DEFAULT_STEPS);
      }
      return probe.withHyperparameters(hp);
    }
  }

  @Override
  public void run(CommandLine line, Console out) {
    Request request = Request.from(line);
    if (request.catalogue()) {
      catalogue(request.probe(), out);
      return;
    }
    Experiment experiment = request.experiment();
    String id = experiment.id();
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(experiment.datasetId()),
        request.dataDir());
    RunConfig config = request.config(line, data.train().count());
    Hyperparameters hp = config.hyperparameters();
    Tuning tuning = config.tuning();
    out.println(String.format("bench %s: %,d steps of batch %d per loop; threads %d intra-op, %d "
        + "inter-op, pools %s; xla %s; prefetch %s; bf16 %s%s; seed %d", id, hp.steps(),
        hp.batchSize(), tuning.intraOpThreads(), tuning.interOpThreads(), ThreadPools.describe(),
        TrainingFlags.onOff(tuning.xla()), TrainingFlags.onOff(tuning.prefetch()),
        TrainingFlags.onOff(tuning.bfloat16()),
        experiment.batchNormalised()
            ? "; batch norm " + hp.batchNorm().flag() : "", config.seed()));
    double peak = MachinePeak.gflops(config);
    var bench = new TrainingBenchmark(id, data, config);
    double stepFlops = bench.trainingFlopsPerStep();
    double arithmeticMs = stepFlops / peak / 1e6;
    out.println(String.format("machine: %.1f GFLOP/s (median float MatMul, same threads); "
        + "a training step ≈ %.1f MFLOP (MatMul and Conv2D), %.3f ms at that rate",
        peak, stepFlops / 1e6, arithmeticMs));
    // a runner and a bare loop to warm up (the JIT compiles each one's Java path, the allocator
    // settles; with the bare loop alone, the runner's first round paid for its compilation), then
    // in every round the runner, the bare loop and the bare loop making its batches, their order
    // rotated round to round: this machine's speed drifts by tens of percent within a minute, so
    // only loops run side by side are compared
    int rounds = request.rounds();
    List<LoopFigures> loops = new ArrayList<>();
    loops.add(bench.runner().named("warm-up runner"));
    loops.add(bench.bare().named("warm-up bare"));
    List<Supplier<LoopFigures>> kinds = List.of(bench::runner, bench::bare,
        bench::bareMakingBatches);
    List<List<LoopFigures>> byKind = List.of(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (int round = 1; round <= rounds; round++) {
      for (int k = 0; k < kinds.size(); k++) {
        int kind = (k + round - 1) % kinds.size();
        LoopFigures loop = kinds.get(kind).get();
        loop = loop.named(loop.name() + " " + round);
        byKind.get(kind).add(loop);
        loops.add(loop);
      }
    }
    List<LoopFigures> runners = byKind.get(0);
    List<LoopFigures> bares = byKind.get(1);
    List<LoopFigures> batchMakers = byKind.get(2);
    out.println(String.format("%-14s %9s %11s %8s %8s %7s %12s %11s   %s", "loop", "steps/s",
        "examples/s", "p50 ms", "p99 ms", "peak", "overhead ms", "1st step s",
        "RSS MB / Java heap committed, after step 1 and at the end"));
    for (LoopFigures f : loops) {
      double stepMs = 1e3 / f.stepsPerSecond();
      out.println(String.format("%-14s %9.1f %11.0f %8.3f %8.3f %6.1f%% %12.3f %11.2f   "
          + "%.0f/%.0f, %.0f/%.0f", f.name(), f.stepsPerSecond(), f.examplesPerSecond(),
          f.p50Millis(), f.p99Millis(), 100 * arithmeticMs / stepMs, stepMs - arithmeticMs,
          f.firstStepSeconds(), f.rssMb()[0], f.heapMb()[0], f.rssMb()[4], f.heapMb()[4]));
    }
    double runnerRate = median(runners, LoopFigures::examplesPerSecond);
    double bareRate = median(bares, LoopFigures::examplesPerSecond);
    double batchesRate = median(batchMakers, LoopFigures::examplesPerSecond);
    out.println(String.format("medians of %d rounds: runner %.0f examples/s (%.1f %% of peak), "
        + "bare %.0f (%.1f %%), bare making batches %.0f (%.1f %%)", rounds, runnerRate,
        share(runnerRate, hp, arithmeticMs), bareRate, share(bareRate, hp, arithmeticMs),
        batchesRate, share(batchesRate, hp, arithmeticMs)));
    printOverhead(out, "runner overhead", runners, bares);
    printOverhead(out, "of which making batches", batchMakers, bares);
    printTurns(out, bench.inTurns(request.turnSteps()), request.turnSteps(), hp, arithmeticMs);
    double shortest = loops.stream().mapToDouble(LoopFigures::seconds).min().orElse(0);
    if (shortest < MIN_STEADY_SECONDS) {
      out.println(String.format("caution: loops as short as %.1f s; one disturbance of this "
          + "machine weighs a lot in them (overheads of +50 %% and more were seen): take the "
          + "overheads from loops of %.0f s or more (--steps)", shortest, MIN_STEADY_SECONDS));
    }
    out.println("peak = share of the machine's MatMul rate; overhead ms = step time beyond "
        + "that arithmetic");
    if (request.profile()) {
      bench.profile(PROFILED_STEPS).lines(12).forEach(out::println);
    }
  }

  /**
   * What {@code reproduce} computes at the slide's settings, item by item, and its time at the
   * machine's MatMul peak: no runner on this machine can train the catalogue faster.
   */
  private static void catalogue(RunConfig config, Console out) {
    int evalEvery = RunConfig.DEFAULT_EVAL_EVERY;
    List<CatalogueArithmetic> items = new ArrayList<>();
    for (Experiment e : Catalogue.experiments()) {
      items.add(CatalogueArithmetic.of(e, e.defaults().steps(), evalEvery, testImages(e)));
    }
    List<CatalogueArithmetic> cells = new ArrayList<>();
    for (double lrMax : DepthSweepNet.DECAY_STARTS) {
      for (long[] widths : DepthSweepNet.DEPTHS) {
        Experiment cell = DepthSweepNet.of(widths, lrMax);
        cells.add(CatalogueArithmetic.of(cell, cell.defaults().steps(), evalEvery,
            testImages(cell)));
      }
    }
    items.add(CatalogueArithmetic.total("sweep (" + cells.size() + " cells)", cells));
    double peak = MachinePeak.gflops(config);
    out.println(String.format("bench --catalogue: the arithmetic of reproduce at the slide's "
        + "settings (MatMul and Conv2D; a training step ≈ 3 forward passes, 4 with two-pass "
        + "batch norm; the test set evaluated at step 0, every %d steps and at the end)",
        evalEvery));
    out.println(String.format("machine: %.1f GFLOP/s (median float MatMul, %d threads)", peak,
        config.tuning().intraOpThreads()));
    String row = "%-22s %8s %6s %6s %10s %10s %10s";
    out.println(String.format(row, "item", "steps", "batch", "evals", "train TFLOP",
        "eval TFLOP", "at peak s"));
    for (CatalogueArithmetic item : items) {
      out.println(String.format(row, item.id(), String.format("%,d", item.steps()),
          item.batchSize() > 0 ? Integer.toString(item.batchSize()) : "",
          Long.toString(item.evaluations()), String.format("%.2f", item.trainingFlops() / 1e12),
          String.format("%.2f", item.evaluationFlops() / 1e12),
          String.format("%,.0f", item.secondsAt(peak))));
    }
    CatalogueArithmetic all = CatalogueArithmetic.total("all", items);
    out.println(String.format(row, "all", "", "", Long.toString(all.evaluations()),
        String.format("%.2f", all.trainingFlops() / 1e12),
        String.format("%.2f", all.evaluationFlops() / 1e12),
        String.format("%,.0f", all.secondsAt(peak))));
    out.println(String.format("at this peak the catalogue's arithmetic alone takes %.1f min; "
        + "the runs reach a fraction of it (bench ID shows each one's share)",
        all.secondsAt(peak) / 60));
  }

  private static int testImages(Experiment experiment) {
    return Dataset.byId(experiment.datasetId()).publishedCount(SplitFile.TEST_IMAGES);
  }
}
