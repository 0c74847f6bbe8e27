package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.report.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code reproduce [ID...]}: every trainable experiment (or those named) with the slide's settings
 * and a fixed seed, then the sweep, then the report. Each experiment trains through the
 * {@code train} command itself; a finished run with identical settings is reused instead, so an
 * interrupted suite goes on where it stopped and a second call only rebuilds the report.
 */
final class ReproduceCommand implements Command {
  static final long DEFAULT_SEED = 42;
  /** --quick: enough steps to exercise every graph, evaluation and export, not to learn. */
  static final long QUICK_STEPS = 100;
  static final int QUICK_EVAL_EVERY = 50;

  private final Function<String[], ExitCode> cli;

  /** @param cli runs a graph-runner command line in this process (Main's own dispatch) */
  ReproduceCommand(Function<String[], ExitCode> cli) {
    this.cli = cli;
  }

  @Override
  public String name() {
    return "reproduce";
  }

  @Override
  public String arguments() {
    return "[ID...]";
  }

  @Override
  public String summary() {
    return "train every experiment (or those named; 'sweep' for the sweep) with the slide's "
        + "settings, reusing finished runs, then write the report";
  }

  @Override
  public Options options() {
    Options options = ReportCommand.addReportFlags(new Options());
    options.addOption(Option.builder().longOpt("quick").desc("a smoke run: " + QUICK_STEPS
        + " steps per experiment and sweep cell; the report says it is no reproduction").build());
    options.addOption(TrainingFlags.valued("steps", "N", "steps of every experiment and sweep "
        + "cell, instead of the slides' (or --quick's)"));
    options.addOption(TrainingFlags.valued("seed", "N", "seed of every run (" + DEFAULT_SEED + ")"));
    options.addOption(TrainingFlags.valued("export-dir", "DIR", "where SavedModels go (models)"));
    options.addOption(TrainingFlags.valued("data-root", "DIR", "a folder holding fashion-mnist/ "
        + "and mnist/ (default: $GRAPH_RUNNER_DATA, /usr/share/datasets, the cache)"));
    options.addOption(TrainingFlags.valued("threads", "N", "threads one TensorFlow op may use, "
        + "the same for every item (default: each item's own, as train's; see README, Speed)"));
    options.addOption(TrainingFlags.valued("bf16", "on|off", "bfloat16 multiplies for every "
        + "experiment, not the sweep (default: each experiment's own, as train's)"));
    return options;
  }

  @Override
  public void run(CommandLine line, Console out) {
    List<SuiteItem> items = plan(line);
    Path reportRoot = Flags.path(line, "report-dir", "notebooks-export");
    ReportCommand.requireWritable(reportRoot); // before hours of training, not after
    var suite = new SuiteRun(line, out, cli);
    List<UserError> failures = new ArrayList<>();
    double remaining = items.stream().mapToDouble(SuiteItem::weight).sum();
    for (int i = 0; i < items.size(); i++) {
      SuiteItem item = items.get(i);
      out.note(String.format("[%d/%d] %s · suite ETA %s", i + 1, items.size(), item.id(),
          SuiteEta.format(suite.eta().secondsLeft(remaining))));
      suite.runItem(item).ifPresent(failures::add);
      remaining -= item.weight();
    }
    writeReport(suite, items, reportRoot, line.hasOption("quick"), out);
    if (!failures.isEmpty()) {
      // the first failure's exit code: data missing (3), diverged (5), ...
      throw new UserError(failures.get(0).exitCode(), failures.size() + " of " + items.size()
          + " item(s) did not finish: " + String.join("; ",
              failures.stream().map(UserError::getMessage).toList()));
    }
  }

  /** The suite's items, every id checked before anything trains. */
  private static List<SuiteItem> plan(CommandLine line) {
    long steps = line.hasOption("steps") ? Flags.positiveLong(line, "steps", 1)
        : line.hasOption("quick") ? QUICK_STEPS : 0;
    List<String> ids = line.getArgList().isEmpty() ? allIds() : line.getArgList();
    List<SuiteItem> items = new ArrayList<>();
    for (String id : ids) {
      if (id.equals(SuiteItem.SWEEP)) {
        items.add(SuiteItem.sweep(steps > 0 ? steps : SuiteItem.sweep(1).fullSteps()));
        continue;
      }
      if (!(Catalogue.entry(id) instanceof Experiment experiment)) {
        throw new UserError(ExitCode.USAGE, id + " has nothing to train ("
            + Launcher.command() + " describe " + id + ")");
      }
      items.add(SuiteItem.of(experiment, steps > 0 ? steps : experiment.defaults().steps()));
    }
    return items;
  }

  private static List<String> allIds() {
    List<String> ids = new ArrayList<>(Catalogue.experiments().stream()
        .map(Experiment::id).toList());
    ids.add(SuiteItem.SWEEP);
    return ids;
  }

  private static void writeReport(SuiteRun suite, List<SuiteItem> items, Path reportRoot,
      boolean quick, Console out) {
    List<RunRecord> runs = items.stream().filter(i -> !i.isSweep())
        .map(suite::finishedRun).flatMap(Optional::stream).toList();
    if (runs.isEmpty()) {
      out.note("no finished run to report");
      return;
    }
    Optional<Path> sweep = items.stream().filter(SuiteItem::isSweep).findFirst()
        .flatMap(suite::finishedSweep);
    Path dir;
    try (StopSignal stop = new StopSignal(out.err())) {
      dir = ReportCommand.write(runs, sweep, reportRoot, out, stop);
    }
    out.println((quick ? "quick-run report: " : "report: ") + dir.resolve("report.html"));
  }
}
