package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.report.RunIndex;
import graphrunner.report.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code runs [ID]}: the runs under the log dir, newest first. */
final class RunsCommand implements Command {
  private static final String ROW = "%-24s %-17s %8s %7s %7s %9s %11s %-6s %s";

  @Override
  public String name() {
    return "runs";
  }

  @Override
  public String arguments() {
    return "[ID]";
  }

  @Override
  public String summary() {
    return "list the runs under the log dir: accuracy, wall time, examples/s, finished or not";
  }

  @Override
  public Options options() {
    Options options = new Options();
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are (runs)"));
    return options;
  }

  @Override
  public void run(CommandLine line, Console out) {
    List<String> args = line.getArgList();
    if (args.size() > 1) {
      throw new UserError(ExitCode.USAGE, "expected at most one experiment id, got "
          + String.join(" ", args));
    }
    if (!args.isEmpty()) {
      Catalogue.entry(args.get(0)); // an unknown id is a usage error, as everywhere
    }
    Path logdir = Flags.path(line, "logdir", "runs");
    // a mistyped --logdir is not "no runs": say so, with report's exit code for it
    if (!Files.exists(logdir)) {
      throw new UserError(ExitCode.USAGE, "--logdir " + logdir + ": no such folder (train "
          + "something first, or give the --logdir runs were written to)");
    }
    if (!Files.isDirectory(logdir)) {
      throw new UserError(ExitCode.USAGE, "--logdir " + logdir + " is not a folder");
    }
    List<RunIndex.Entry> entries = RunIndex.scan(logdir).entries().stream()
        .filter(e -> !e.experiment().equals("sweep"))
        .filter(e -> args.isEmpty() || e.experiment().equals(args.get(0))).toList();
    if (entries.isEmpty()) {
      out.println("no runs under " + logdir + (args.isEmpty() ? "" : " for " + args.get(0)));
      return;
    }
    out.println(String.format(Locale.ROOT, ROW, "experiment", "started", "steps", "max",
        "final", "wall", "examples/s", "device", "status"));
    for (RunIndex.Entry entry : entries) {
      out.println(entry.record().map(RunsCommand::row).orElse(String.format(Locale.ROOT,
          "%-24s %-17s %s", entry.experiment(), entry.dir().getFileName(),
          RunRecord.hasSummary(entry.dir()) ? "unreadable summary.json"
              : Files.isDirectory(entry.dir().resolve("graph")) ? "graph only (graph command)"
              : "no summary.json: not a run")));
    }
  }

  private static String row(RunRecord r) {
    return String.format(Locale.ROOT, ROW, r.experiment(), r.runDir().getFileName(),
        String.format(Locale.ROOT, "%,d", r.steps()), figure("%.4f", r.maxTestAccuracy()),
        figure("%.4f", r.finalTestAccuracy()), figure("%.1f s", r.wallSeconds()),
        figure("%,.0f", r.examplesPerSecond()), r.device(),
        r.completed() ? "finished" : r.status());
  }

  /** A figure a run does not have (yet, while it runs; or ever, when it stopped early) is "—". */
  private static String figure(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "—";
  }
}
