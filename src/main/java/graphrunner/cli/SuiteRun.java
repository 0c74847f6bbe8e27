package graphrunner.cli;

import graphrunner.BuildInfo;
import graphrunner.GraphRunnerException;
import graphrunner.data.DataLocator;
import graphrunner.fs.WritableFolder;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetChecksum;
import graphrunner.data.DatasetFolder;
import graphrunner.report.ConfusionFile;
import graphrunner.report.RunIndex;
import graphrunner.report.RunRecord;
import graphrunner.savedmodel.SavedModelDirectory;
import graphrunner.savedmodel.SavedModelPredictor;
import graphrunner.sweep.SweepSettings;
import graphrunner.train.ThreadPools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;

/**
 * Carries out {@code reproduce}'s items one by one: reuses a finished run with the same settings,
 * or trains through the {@code train} (or {@code sweep}) command line.
 */
final class SuiteRun {
  private final Console out;
  private final Function<String[], ExitCode> cli;
  private final Path logdir;
  private final Path exportDir;
  private final long seed;
  private final Optional<Path> dataRoot;
  private final List<String> passThrough = new ArrayList<>();
  /** {@code --bf16}, passed to the experiments only: the sweep's fully connected nets lose. */
  private final Optional<Boolean> bfloat16;
  private final Map<String, String> checksums = new HashMap<>();
  private final SuiteEta eta = new SuiteEta();

  SuiteRun(CommandLine line, Console out, Function<String[], ExitCode> cli) {
    this.out = out;
    this.cli = cli;
    this.logdir = Flags.path(line, "logdir", "runs");
    this.exportDir = Flags.path(line, "export-dir", "models");
    Flags.distinctFolders(Map.entry("logdir", logdir), Map.entry("export-dir", exportDir),
        Map.entry("report-dir", Flags.path(line, "report-dir", "notebooks-export")));
    this.seed = Flags.anyLong(line, "seed", ReproduceCommand.DEFAULT_SEED);
    this.dataRoot = Optional.ofNullable(Flags.path(line, "data-root", null));
    OptionalInt threads = line.hasOption("threads") // checked before the first item
        ? OptionalInt.of(Flags.threads(line, "threads", 1)) : OptionalInt.empty();
    passThrough.addAll(threadFlags(ThreadPools.perSession(), threads,
        Runtime.getRuntime().availableProcessors()));
    this.bfloat16 = line.hasOption("bf16")
        ? Optional.of(TrainingFlags.onOff(line, "bf16", false)) : Optional.empty();
    WritableFolder.problem(logdir).ifPresent(problem -> {
      throw new UserError(ExitCode.IO, "cannot write the suite's runs under --logdir " + logdir
          + ": " + problem);
    });
    if (line.hasOption("quick")) {
      passThrough.addAll(List.of("--eval-every",
          Integer.toString(ReproduceCommand.QUICK_EVAL_EVERY)));
    }
  }

  /**
   * The thread flags every item is given. Every item trains in this process: with thread pools
   * per session (the launcher's), each keeps its own default (one thread for a fully connected
   * net, every core for a convolutional one) unless {@code --threads} names one for all. With
   * the process's pools, which TensorFlow sizes at the first session, every item is told the
   * same threads: otherwise softmax, the first item, would put every CNN after it on one thread.
   */
  static List<String> threadFlags(boolean perSessionPools, OptionalInt threads, int cores) {
    if (perSessionPools) {
      return threads.isPresent()
          ? List.of("--threads", Integer.toString(threads.getAsInt())) : List.of();
    }
    return List.of("--threads", Integer.toString(threads.orElse(cores)),
        "--inter-op-threads", Integer.toString(cores));
  }

  SuiteEta eta() {
    return eta;
  }

  /**
   * Reuses or trains {@code item}; its failure, or empty when it finished. Only an interruption
   * stops the suite: the other items do not need the one that failed.
   */
  Optional<UserError> runItem(SuiteItem item) {
    try {
      if (item.isSweep()) {
        runSweep(item);
      } else {
        runExperiment(item);
      }
      return Optional.empty();
    } catch (UserError | GraphRunnerException e) {
      ExitCode exit = ExitCodes.of(e);
      if (exit == ExitCode.INTERRUPTED || exit == ExitCode.TERMINATED) {
        throw e;
      }
      out.note("  " + item.id() + " did not finish: " + e.getMessage());
      return Optional.of(new UserError(exit, item.id() + ": " + e.getMessage(), e));
    }
  }

  /** The finished run with the item's settings; empty too when its data cannot be found. */
  Optional<RunRecord> finishedRun(SuiteItem item) {
    Optional<String> sha = checksum(item);
    return sha.flatMap(s -> RunIndex.scan(logdir).finishedWith(item.settings(seed, s,
        bfloat16)));
  }

  Optional<Path> finishedSweep(SuiteItem item) {
    Optional<SweepSettings> wanted = sweepSettings(item);
    return wanted.flatMap(w -> RunIndex.scan(logdir).sweeps().stream()
        .filter(dir -> SweepSettings.readFrom(dir).filter(w::equals).isPresent()).findFirst());
  }

  private void runExperiment(SuiteItem item) {
    Optional<RunRecord> reusable = finishedRun(item);
    if (reusable.isPresent()) {
      out.note("  reusing " + reusable.get().runDir() + " (same settings, seed and data)");
      return;
    }
    Optional<RunRecord> stopped = checksum(item).flatMap(sha ->
        RunIndex.scan(logdir).resumableWith(item.settings(seed, sha, bfloat16)));
    List<String> args = new ArrayList<>();
    if (stopped.isPresent()) {
      // an interrupted suite goes on inside the experiment it was stopped in
      out.note("  resuming " + stopped.get().runDir() + " (" + stopped.get().status() + ")");
      args.addAll(List.of("train", "--resume", stopped.get().runDir().toString()));
    } else {
      args.addAll(List.of("train", item.id(), "--seed", Long.toString(seed), "--steps",
          Long.toString(item.steps()), "--logdir", logdir.toString(), "--export-dir",
          exportDir.toString()));
      args.addAll(passThrough);
      bfloat16.ifPresent(on -> args.addAll(List.of("--bf16", TrainingFlags.onOff(on))));
    }
    dataDir(item).ifPresent(d -> args.addAll(List.of("--data-dir", d.toString())));
    train(item, args);
    RunRecord run = finishedRun(item).orElseThrow(() -> new UserError(ExitCode.INTERNAL,
        "trained, but no finished run under " + logdir + " records the suite's settings"));
    if (item.experiment().reportsClassification()) {
      writeConfusion(item, run);
    }
  }

  private void runSweep(SuiteItem item) {
    Optional<Path> reusable = finishedSweep(item);
    if (reusable.isPresent()) {
      out.note("  reusing " + reusable.get() + " (same settings, seed and data)");
      return;
    }
    List<String> args = new ArrayList<>(List.of("sweep", "--seed", Long.toString(seed),
        "--steps", Long.toString(item.steps()), "--logdir", logdir.toString()));
    dataDir(item).ifPresent(d -> args.addAll(List.of("--data-dir", d.toString())));
    args.addAll(passThrough);
    train(item, args);
    Path newest = RunIndex.scan(logdir).sweeps().stream().findFirst().orElseThrow(
        () -> new UserError(ExitCode.INTERNAL, "the sweep finished but left no sweep.csv"));
    sweepSettings(item).orElseThrow().writeTo(newest);
  }

  /** Runs one command line in this process; its bar and messages are its own. */
  private void train(SuiteItem item, List<String> args) {
    long start = System.nanoTime();
    ExitCode exit = cli.apply(args.toArray(String[]::new));
    eta.trained(item.weight(), (System.nanoTime() - start) / 1e9);
    if (exit == ExitCode.INTERRUPTED || exit == ExitCode.TERMINATED) {
      throw new UserError(exit, "interrupted during " + item.id()
          + ": run the same reproduce again to go on from there (it resumes " + item.id()
          + "'s run)");
    }
    if (exit != ExitCode.OK) {
      throw new UserError(exit, "exit code " + exit.code() + " (its error is above)");
    }
  }

  /** The exported model's confusion matrix on the test set, kept beside the run for the report. */
  private void writeConfusion(SuiteItem item, RunRecord run) {
    Path model = SavedModelDirectory.resolve(exportDir.resolve(item.id()));
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(item.datasetId()),
        dataDir(item));
    try (var predictor = new SavedModelPredictor(model)) {
      ConfusionFile.write(run.runDir(), data.classNames(), predictor.evaluate(data.test(), 1000));
    }
  }

  private Optional<SweepSettings> sweepSettings(SuiteItem item) {
    return checksum(item).map(sha -> new SweepSettings(seed, item.steps(), sha,
        BuildInfo.version()));
  }

  /** The data's checksum, computed once per data set; empty when the data cannot be found. */
  private Optional<String> checksum(SuiteItem item) {
    if (!checksums.containsKey(item.datasetId())) {
      try {
        checksums.put(item.datasetId(), DatasetChecksum.sha256(DataLocator.fromEnvironment()
            .locate(Dataset.byId(item.datasetId()), dataDir(item))));
      } catch (UserError | GraphRunnerException e) {
        return Optional.empty(); // training it will say what is missing
      }
    }
    return Optional.of(checksums.get(item.datasetId()));
  }

  /** {@code --data-root}'s folder for the item's data set, checked as that flag's. */
  private Optional<Path> dataDir(SuiteItem item) {
    Optional<Path> dir = dataRoot.map(root -> root.resolve(item.datasetId()));
    dir.ifPresent(d -> DatasetFolder.require(d, "--data-root"));
    return dir;
  }
}
