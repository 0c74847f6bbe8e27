package graphrunner.cli;

import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Experiment;
import graphrunner.fs.WritableFolder;
import graphrunner.sweep.DepthRateSweep;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.sweep.SweepTable;
import graphrunner.train.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sweep}: deck 003's depth × learning-rate table, all nine runs in one invocation. */
final class SweepCommand implements Command {
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
    options.addOption(TrainingFlags.valued("data-dir", "DIR", "folder of Fashion-MNIST's IDX files"));
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are written (runs)"));
    return options;
  }

  /** What {@code sweep} was asked, every flag and the log folder checked before the data. */
  record Request(RunConfig config, Optional<Path> dataDir, Path logdir) {

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
      return new Request(config, Optional.ofNullable(Flags.path(line, "data-dir", null)), logdir);
    }
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
    out.note(String.format("sweep: 9 cells of %,d steps, batch 100, Adam, dropout 0.75, seed %d",
        config.hyperparameters().steps(), config.seed()));
    TEMPLATE.choices().forEach(choice -> out.note("  choice: " + choice));
    out.note("run directory: " + runDir);

    var cells = new java.util.ArrayList<DepthRateSweep.Cell>();
    try (StopSignal stop = new StopSignal(out.err())) {
      new DepthRateSweep(config, stop::requested).run(data, cell -> {
        cells.add(cell);
        out.note(String.format("  %d layers, %s → 0.0001: max %.4f, final %.4f (slide %s), %.1f s",
            cell.layers(), SweepTable.rate(cell.lrMax()),
            cell.result().maxTestAccuracy(),
            cell.result().finalTestAccuracy(), cell.slide(), cell.result().wallSeconds()));
      });
      // the table of the cells done is written even when the sweep was stopped
      var table = new SweepTable(cells, config.hyperparameters().steps());
      write(runDir.resolve(SweepTable.MARKDOWN), table.markdown());
      write(runDir.resolve(SweepTable.CSV), table.csv());
      out.println(table.markdown());
      out.println("written: " + runDir.resolve(SweepTable.MARKDOWN) + ", " + runDir.resolve(SweepTable.CSV));
      if (cells.size() < 9) {
        throw new UserError(stop.exitCode(), "interrupted after " + cells.size() + " cells");
      }
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(ExitCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
