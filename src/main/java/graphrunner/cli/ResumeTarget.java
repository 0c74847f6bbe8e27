package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.train.listener.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * Finds the run {@code train --resume} continues: {@code --resume RUN_DIR}, or with an experiment
 * id ({@code train ID --resume}) the newest run of it under the log dir that was interrupted or
 * killed. A resumed run keeps its own settings, so only flags about where things are may be given.
 */
final class ResumeTarget {
  private static final Set<String> ALLOWED = Set.of("resume", "data-dir", "logdir", "verbose",
      "debug", "help");

  private ResumeTarget() {}

  /**
   * The run to continue, {@code lock} taken on it first: its status is read under the lock, so
   * two resumes started together cannot both find it resumable.
   */
  static RecordedRun find(CommandLine given, RunLock lock) {
    for (Option option : given.getOptions()) {
      if (!ALLOWED.contains(option.getLongOpt())) {
        throw new UserError(ExitCode.USAGE, "--resume continues a run with its own settings: "
            + "--" + option.getLongOpt() + " cannot be given with it");
      }
    }
    String value = given.getOptionValue("resume");
    RecordedRun run;
    if (value != null && Files.isDirectory(Path.of(value))) {
      if (!given.getArgList().isEmpty()) {
        throw new UserError(ExitCode.USAGE, "--resume " + value + " names the run; drop "
            + String.join(" ", given.getArgList()));
      }
      run = RecordedRun.read(Path.of(value));
    } else {
      if (value != null && !given.getArgList().isEmpty()) {
        throw new UserError(ExitCode.USAGE, "--resume " + value + ": no such run directory");
      }
      String id = value != null ? value : Flags.single(given, "experiment id or --resume RUN_DIR");
      if (value != null && !Catalogue.ids().contains(id)) {
        throw new UserError(ExitCode.USAGE, "--resume " + value + ": no such run directory");
      }
      Catalogue.entry(id); // an unknown id: one line with a suggestion
      run = newestResumable(Flags.path(given, "logdir", "runs").resolve(id), id);
    }
    lock.take(run.dir());
    return resumable(RecordedRun.read(run.dir()));
  }

  /** The flags of this invocation that replace the recorded ones. */
  static Map<String, String> overrides(CommandLine given) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (given.hasOption("data-dir")) {
      overrides.put("data-dir", given.getOptionValue("data-dir"));
    }
    return overrides;
  }

  private static RecordedRun resumable(RecordedRun run) {
    if (run.resumable()) {
      return run;
    }
    String status = run.status();
    String why = switch (status) {
      case "completed" -> "it completed; nothing to resume";
      case "diverged" -> "it diverged; start a new run, e.g. with a smaller --lr";
      case "running" -> "it is still running (pid " + run.lastPid().orElse(-1L) + ")";
      default -> "its status is '" + status + "'";
    };
    throw new UserError(ExitCode.USAGE, "cannot resume " + run.dir() + ": " + why);
  }

  private static RecordedRun newestResumable(Path experimentRuns, String id) {
    List<Path> runs;
    try (Stream<Path> children = Files.list(experimentRuns)) {
      runs = children.filter(p -> Files.isRegularFile(SummaryJson.file(p)))
          .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
    } catch (IOException e) {
      runs = List.of();
    }
    for (Path dir : runs) {
      RecordedRun run = RecordedRun.read(dir);
      if (run.resumable()) {
        return run;
      }
    }
    throw new UserError(ExitCode.USAGE, "no interrupted run of " + id + " under "
        + experimentRuns.getParent() + " (give --resume RUN_DIR, or --logdir)");
  }
}
