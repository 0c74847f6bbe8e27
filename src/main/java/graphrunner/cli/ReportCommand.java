package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.fs.WritableFolder;
import graphrunner.report.ReportBuilder;
import graphrunner.report.ReportWriter;
import graphrunner.report.RunIndex;
import graphrunner.report.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code report [RUN_DIR...]}: the report from runs that exist, without training. */
final class ReportCommand implements Command {

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String arguments() {
    return "[RUN_DIR...]";
  }

  @Override
  public String summary() {
    return "build the report (HTML, notebook, CSV, JSON) from existing runs, without training";
  }

  @Override
  public Options options() {
    return addReportFlags(new Options());
  }

  static Options addReportFlags(Options options) {
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are (runs)"));
    options.addOption(TrainingFlags.valued("report-dir", "DIR",
        "where the report goes, as DIR/<timestamp>/ (notebooks-export)"));
    return options;
  }

  /**
   * What {@code report} was asked, checked before any run is read: --report-dir must be
   * writable, asked without creating it, so a report that fails leaves no folder behind.
   */
  record Request(List<Path> runDirs, Path logdir, Path reportDir) {

    static Request from(CommandLine line) {
      Path reportDir = Flags.path(line, "report-dir", "notebooks-export");
      Path logdir = Flags.path(line, "logdir", "runs");
      Flags.distinctFolders(Map.entry("logdir", logdir), Map.entry("report-dir", reportDir));
      requireWritable(reportDir);
      return new Request(line.getArgList().stream().map(Path::of).toList(), logdir, reportDir);
    }
  }

  /**
   * Fails when a report could not be written under {@code reportDir}, without creating it: the
   * folder appears only when a report is written into it.
   */
  static void requireWritable(Path reportDir) {
    WritableFolder.problem(reportDir).ifPresent(problem -> {
      throw new UserError(ExitCode.IO, "cannot write the report under --report-dir "
          + reportDir + ": " + problem);
    });
  }

  @Override
  public void run(CommandLine line, Console out) {
    Request request = Request.from(line);
    try (StopSignal stop = new StopSignal(out.err())) {
      report(request, out, stop);
    }
  }

  private static void report(Request request, Console out, StopSignal stop) {
    RunIndex index = RunIndex.scan(request.logdir());
    List<RunRecord> runs = new ArrayList<>();
    for (Path dir : request.runDirs()) {
      runs.add(RunRecord.read(dir));
    }
    if (runs.isEmpty()) {
      runs.addAll(newestOfEach(index));
    }
    if (runs.isEmpty()) {
      throw new UserError(ExitCode.USAGE, "no finished runs under " + request.logdir()
          + " (train some, or run " + Launcher.command() + " reproduce)");
    }
    // a sweep the user may expect in the report is not left out silently
    index.sweepsLeftOut().forEach(why -> out.note("report: sweep left out: " + why));
    Path dir = write(runs, index.sweeps().stream().findFirst(), request.reportDir(), out, stop);
    out.println("report: " + dir.resolve(ReportWriter.HTML));
  }

  static List<RunRecord> newestOfEach(RunIndex index) {
    List<RunRecord> runs = new ArrayList<>();
    for (Experiment experiment : Catalogue.experiments()) {
      index.newestFinished(experiment.id()).ifPresent(runs::add);
    }
    return runs;
  }

  /**
   * Writes the report; it is titled a quick run when any run is shorter than its slide's. A stop
   * request before it is whole leaves nothing under {@code reportRoot}.
   */
  static Path write(List<RunRecord> runs, Optional<Path> sweep, Path reportRoot, Console out,
      StopSignal stop) {
    stop.nowStopping("stopping the report, which leaves nothing behind");
    boolean shortened = runs.stream().anyMatch(r ->
        r.steps() < Catalogue.experiment(r.experiment()).defaults().steps());
    out.note("report: " + runs.size() + " run(s)" + (sweep.isPresent() ? " and the sweep" : "")
        + (shortened ? " (shortened runs: titled a quick run)" : ""));
    try {
      var report = new ReportBuilder(runs, sweep, shortened).build();
      return ReportWriter.write(report, reportRoot, stop::requested);
    } catch (ReportWriter.ReportInterrupted e) {
      throw new UserError(stop.exitCode(), "interrupted while writing the report, which left "
          + "nothing behind");
    }
  }
}
