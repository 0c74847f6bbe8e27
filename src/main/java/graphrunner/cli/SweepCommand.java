package graphrunner.cli;

import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Experiment;
import graphrunner.fs.AtomicFile;
import graphrunner.fs.IoErrors;
import graphrunner.fs.WritableFolder;
import graphrunner.metrics.Fractions;
import graphrunner.sweep.DepthRateSweep;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.sweep.SweepTable;
import graphrunner.train.RunConfig;
import graphrunner.train.ThreadPools;
import graphrunner.train.TrainingResult;
import graphrunner.train.Tuning;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sweep}: deck 003's depth × learning-rate table, all nine runs in one invocation. */
final class SweepCommand implements Command {
  private static final int CELLS = 9;
  /** One cell, for the settings and choices every cell shares. */
  private static final Experiment TEMPLATE = DepthSweepNet.of(DepthSweepNet.DEPTHS.get(1), 0.003);

  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "deck 003's table: 3/5/7 ReLU layers + dropout × decay from 0.03/0.003/0.0003; "
        + "writes sweep.md and sweep.csv";
  }

  @Override
  public Options options() {
    Options options = new Options();
    options.addOption(TrainingFlags.valued("steps", "N", "training updates per cell (10,000)"));
    options.addOption(TrainingFlags.valued("seed", "N", "seed of every cell (default: random)"));
    options.addOption(TrainingFlags.valued("eval-every", "N", "evaluate every N steps (100)"));
    options.addOption(TrainingFlags.valued("threads", "N", "threads one TensorFlow op may use "
        + "(default 1: the sweep's nets are fully connected)"));
    options.addOption(TrainingFlags.valued("inter-op-threads", "N",
        "TensorFlow ops run side by side (default 1)"));
    options.addOption(TrainingFlags.valued("cells-at-once", "N", "cells trained side by side, "
        + "each in its own session (default: the cores ÷ the threads of one cell, with thread "
        + "pools per session; 1 otherwise)"));
    options.addOption(TrainingFlags.valued("data-dir", "DIR", "folder of Fashion-MNIST's IDX files"));
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are written (runs)"));
    return options;
  }

  /** What {@code sweep} was asked, every flag and the log folder checked before the data. */
  record Request(RunConfig config, int cellsAtOnce, Optional<Path> dataDir, Path logdir) {

    static Request from(CommandLine line) {
      if (!line.getArgList().isEmpty()) {
        throw new UserError(ExitCode.USAGE, "sweep takes no arguments, got "
            + String.join(" ", line.getArgList()));
      }
      RunConfig config = TrainingFlags.runConfig(line, TEMPLATE, TEMPLATE.defaults()
          .withSteps(Flags.positiveLong(line, "steps", TEMPLATE.defaults().steps())));
      Path logdir = Flags.path(line, "logdir", "runs");
      WritableFolder.problem(logdir).ifPresent(problem -> {
        throw new UserError(ExitCode.IO, "cannot write the sweep's runs under --logdir " + logdir
            + ": " + problem);
      });
      int cellsAtOnce = Flags.positiveInt(line, "cells-at-once", defaultCellsAtOnce(
          ThreadPools.perSession(), config.tuning(), Runtime.getRuntime().availableProcessors()));
      return new Request(config, cellsAtOnce,
          Optional.ofNullable(Flags.path(line, "data-dir", null)), logdir);
    }
  }

  /**
   * As many cells as the cores hold at one cell's threads, up to the nine. Only sessions with
   * pools of their own keep to their threads: with the process's pools, sized by the first
   * session, every cell would share one cell's threads, so they go one after the other.
   */
  static int defaultCellsAtOnce(boolean perSessionPools, Tuning tuning, int cores) {
    if (!perSessionPools) {
      return 1;
    }
    int threadsPerCell = Math.max(tuning.intraOpThreads(), tuning.interOpThreads());
    return Math.max(1, Math.min(CELLS, cores / threadsPerCell));
  }

  @Override
  public void run(CommandLine line, Console out) {
    Request request = Request.from(line);
    RunConfig config = request.config();
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.FASHION_MNIST,
        request.dataDir());
    if (data.train().count() < config.hyperparameters().batchSize()) {
      throw new UserError(ExitCode.DATA, "the sweep's batches of "
          + config.hyperparameters().batchSize() + " exceed the " + data.train().count()
          + " training images");
    }
    Path runDir = RunDirectory.create(request.logdir(), "sweep");
    out.note(String.format("sweep: %d cells of %,d steps, batch 100, Adam, dropout 0.75, seed %d; "
        + "%d at once, %d thread(s) each", CELLS, config.hyperparameters().steps(), config.seed(),
        request.cellsAtOnce(), config.threads()));
    TEMPLATE.choices().forEach(choice -> out.note("  choice: " + choice));
    out.note("run directory: " + runDir);

    try (StopSignal stop = new StopSignal(out.err())) {
      var sweep = new DepthRateSweep(config, stop::requested, request.cellsAtOnce());
      List<DepthRateSweep.Cell> cells = sweep.run(data, cell -> out.note(line(cell)));
      // the table of the cells done is written even when the sweep was stopped
      var table = new SweepTable(cells, config.hyperparameters().steps());
      write(runDir.resolve(SweepTable.MARKDOWN), table.markdown());
      write(runDir.resolve(SweepTable.CSV), table.csv());
      out.println(table.markdown());
      out.println("written: " + runDir.resolve(SweepTable.MARKDOWN) + ", " + runDir.resolve(SweepTable.CSV));
      long completed = cells.stream().filter(cell -> cell.result().completed()).count();
      if (completed < CELLS) {
        throw new UserError(stop.exitCode(), "interrupted with " + completed + " of " + CELLS
            + " cells completed");
      }
    }
  }

  /** A finished cell, as it finishes: cells side by side finish in any order. */
  private static String line(DepthRateSweep.Cell cell) {
    TrainingResult r = cell.result();
    return String.format("  %d layers, %s → 0.0001: max %s, final %s (slide %s), %.1f s%s",
        cell.layers(), SweepTable.rate(cell.lrMax()), Fractions.text(r.maxTestAccuracy()),
        Fractions.text(r.finalTestAccuracy()), cell.slide(), r.wallSeconds(),
        SweepTable.unfinished(r));
  }

  private static void write(Path file, String text) {
    try {
      AtomicFile.writeString(file, text);
    } catch (IOException | UnsupportedOperationException e) {
      throw new UserError(ExitCode.IO, "cannot write " + file + ": " + IoErrors.reason(e), e);
    }
  }
}
