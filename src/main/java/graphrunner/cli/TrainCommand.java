package graphrunner.cli;

import graphrunner.Phases;
import graphrunner.UnwritableOutput;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.Checkpoint;
import graphrunner.train.CheckpointPolicy;
import graphrunner.train.Checkpoints;
import graphrunner.train.DeviceProbe;
import graphrunner.train.NativeBfloat16;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import graphrunner.train.Tuning;
import graphrunner.train.listener.CheckpointListener;
import graphrunner.train.listener.ClassificationReport;
import graphrunner.train.listener.PlainProgressListener;
import graphrunner.train.listener.SummaryJson;
import graphrunner.train.listener.SummaryJsonWriter;
import graphrunner.train.listener.TensorBoardListener;
import graphrunner.train.listener.TerminalProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.ConfigProto;

/**
 * {@code train ID}: trains an experiment and writes its run directory; {@code train --resume}
 * continues an interrupted run from its newest checkpoint, with its own settings.
 */
final class TrainCommand implements Command {
  private static final int HISTOGRAM_EVERY = 1000;

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String arguments() {
    return "ID | --resume [RUN_DIR]";
  }

  @Override
  public String summary() {
    return "train an experiment; logs and summary.json go to <logdir>/<id>/<timestamp>/";
  }

  @Override
  public Options options() {
    Options options = ClusterFlags.addTo(TrainingFlags.addTo(new Options()));
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are written (runs)"));
    options.addOption(TrainingFlags.valued("histogram-every", "N",
        "weight and bias histograms every N steps (" + HISTOGRAM_EVERY + ")"));
    options.addOption(TrainingFlags.valued("checkpoint-every", "N|Ns|Nm", "save a checkpoint "
        + "every N steps or every N seconds/minutes of training (60s); always on Ctrl-C and at the end"));
    options.addOption(Option.builder().longOpt("resume").hasArg().optionalArg(true)
        .argName("RUN_DIR").desc("continue RUN_DIR, or the newest interrupted run of ID, from "
            + "its newest checkpoint with its own settings").build());
    options.addOption(TrainingFlags.valued("export-dir", "DIR",
        "where the trained SavedModel goes, as DIR/<id>/<version>/ (models)"));
    options.addOption(Option.builder().longOpt("no-export").desc("do not export a SavedModel")
        .build());
    options.addOption(Option.builder().longOpt("report").desc("after training, print the "
        + "confusion matrix, per-class precision/recall/F1 and micro F1 (on for keras-cnn)").build());
    options.addOption(Option.builder().longOpt("verbose")
        .desc("print the devices TensorFlow sees").build());
    return options;
  }

  @Override
  public void run(CommandLine given, Console out) {
    var cluster = ClusterFlags.from(given, System.getenv());
    if (cluster.isPresent()) { // TF_CONFIG or --cluster: one task of a cluster job
      if (given.hasOption("resume")) {
        throw new UserError(ExitCode.USAGE, "a cluster job cannot be resumed (yet): start it "
            + "again");
      }
      // its own signal handling: a worker stops after its step, a ps stops at once
      ClusterTrain.run(given, out, Validated.from(given), cluster.get());
      return;
    }
    try (StopSignal stop = new StopSignal(out.err()); RunLock lock = new RunLock()) {
      Optional<RecordedRun> resumed = given.hasOption("resume")
          ? Optional.of(ResumeTarget.find(given, lock)) : Optional.empty();
      // the run is locked, its summary.json not yet touched: where a second resume finds it
      resumed.ifPresent(r -> Phases.reached("resume-locked", stop::requested));
      CommandLine line = resumed.map(r -> r.replay(options(), ResumeTarget.overrides(given)))
          .orElse(given);
      train(line, resumed, out, stop, lock);
    }
  }

  /**
   * What the flags say, every value and combination checked before the slow parts (data, graph,
   * training). The hyperparameters are settled once the data's size is known (--epochs).
   *
   * @param probe the run's device and threads, for opening sessions
   */
  record Validated(Experiment experiment, RunConfig probe,
      CheckpointPolicy checkpointPolicy, int histogramEvery) {

    static Validated from(CommandLine line) {
      Experiment experiment = Catalogue.experiment(Flags.single(line, "experiment id"));
      TrainingFlags.hyperparameters(line, experiment, Integer.MAX_VALUE);
      return new Validated(experiment,
          TrainingFlags.runConfig(line, experiment, experiment.defaults()),
          TrainCommand.checkpointPolicy(line),
          Flags.positiveInt(line, "histogram-every", HISTOGRAM_EVERY));
    }
  }

  /** @param lock the run's lock: held already when resuming, taken here for a new run */
  private void train(CommandLine line, Optional<RecordedRun> resumed, Console out,
      StopSignal stop, RunLock lock) {
    Validated flags = Validated.from(line);
    Experiment experiment = flags.experiment();
    RunOutputs outputs = RunOutputs.checked(line, experiment.id());
    Path logdir = outputs.logdir();
    Optional<Checkpoint> from = resumed.map(RecordedRun::newestCheckpoint);
    if (line.hasOption("verbose")) {
      out.note("devices: " + String.join(", ", DeviceProbe.visibleDevices(
          ConfigProto.getDefaultInstance())));
    }
    SessionFactory sessions = SessionFactory.forRun(flags.probe(), () -> out.note(
        "no GPU visible to TensorFlow: running on the CPU (--allow-cpu-fallback)"));

    // TensorFlow's native library loads (≈0.6 s) on another thread while the data is read
    Thread loader = new Thread(TensorFlow::version, "tensorflow-load");
    loader.setDaemon(true);
    loader.start();
    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(experiment.datasetId()),
        Optional.ofNullable(Flags.path(line, "data-dir", null)));
    Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, data.train().count());
    RunConfig config = TrainingFlags.runConfig(line, experiment, hp);
    if (stop.requested()) {
      throw new UserError(stop.exitCode(), "interrupted before training started");
    }
    Path runDir = resumed.map(RecordedRun::dir).orElseGet(() -> {
      Path created = RunDirectory.create(logdir, experiment.id());
      lock.take(created);
      return created;
    });

    out.note(String.format("%s: %,d steps of batch %d, lr %s, %s%s, seed %d, %s", experiment.id(),
        hp.steps(), hp.batchSize(), hp.learningRate().describe(), hp.optimizer().describe(),
        hp.init().isEmpty() ? "" : ", init " + hp.init(), config.seed(),
        sessions.device().deviceName()));
    experiment.choices().forEach(choice -> out.note("  choice: " + choice));
    bfloat16Notes(config.tuning()).forEach(out::note);
    from.ifPresent(c -> out.note("resuming from " + c.dir() + " (step " + c.step() + ")"));
    out.note("run directory: " + runDir + "   (see it: tensorboard --logdir " + logdir + ")");

    List<TrainingListener> listeners = listeners(line, out, flags, runDir, hp, config);
    TrainingResult result;
    try {
      result = new Trainer(listeners, stop::requested)
          .train(experiment, data, config, sessions, from);
    } catch (UnwritableOutput e) {
      throw MidRunWriteFailure.stop(e, runDir);
    }
    out.println(String.format("%s %s: max test accuracy %.4f (step %,d), final %.4f "
            + "(slide: %s); %,.0f examples/s, %.1f s",
        experiment.id(), result.status(), result.maxTestAccuracy(), result.maxAccuracyStep(),
        result.finalTestAccuracy(), experiment.slideAccuracy(), result.examplesPerSecond(),
        result.wallSeconds()));
    out.println("summary: " + SummaryJson.file(runDir));
    if (!result.completed()) {
      throw new UserError(stop.exitCode(), "interrupted at step " + result.steps()
          + "; continue with: " + Launcher.command() + " train --resume "
          + Launcher.shellWord(runDir));
    }
    outputs.exportRoot().ifPresent(root -> ExportCommand.exportRun(RecordedRun.read(runDir), hp,
        config.seed(), data.classNames(), root, out, stop));
  }

  /**
   * What watches a run, the same for a single process and a cluster's chief: progress, TensorBoard,
   * checkpoints (the export is made from the final one), summary.json, the classification report.
   */
  static List<TrainingListener> listeners(CommandLine line, Console out, Validated flags,
      Path runDir, Hyperparameters hp, RunConfig config) {
    Experiment experiment = flags.experiment();
    List<TrainingListener> listeners = new ArrayList<>();
    listeners.add(out.interactive()
        ? new TerminalProgressListener(out.err(), TerminalWidth.columns())
        : new PlainProgressListener(out.out()));
    listeners.add(new TensorBoardListener(runDir, flags.histogramEvery()));
    listeners.add(new CheckpointListener(new Checkpoints(runDir), flags.checkpointPolicy()));
    listeners.add(new SummaryJsonWriter(runDir,
        TrainArguments.record(line, experiment.id(), hp.steps(), config.seed(),
            config.tuning().bfloat16())));
    if (experiment.reportsClassification() || line.hasOption("report")) {
      listeners.add(new ClassificationReport(out.out(), 5));
    }
    return listeners;
  }

  /** What a run in bfloat16 is told, so that nobody mistakes its last digits for float32's. */
  static List<String> bfloat16Notes(Tuning tuning) {
    if (!tuning.bfloat16()) {
      return List.of();
    }
    List<String> notes = new ArrayList<>(List.of("  bf16: convolutions and matrix multiplies "
        + "in bfloat16, variables, loss and Adam in float32 (oneDNN's mixed precision; the "
        + "graph and the SavedModel stay float32; --bf16 off for float32 throughout)"));
    if (!NativeBfloat16.available()) {
      notes.add("  bf16: this CPU has no bfloat16 instructions (" + String.join(", ",
          NativeBfloat16.CPU_FLAGS) + "): oneDNN emulates them, slower than float32");
    }
    return notes;
  }

  private static CheckpointPolicy checkpointPolicy(CommandLine line) {
    if (!line.hasOption("checkpoint-every")) {
      return CheckpointPolicy.DEFAULT;
    }
    String text = line.getOptionValue("checkpoint-every");
    CheckpointPolicy policy = CheckpointPolicy.parse(text);
    if (policy == null) {
      throw new UserError(ExitCode.USAGE, "--checkpoint-every " + text
          + ": expected steps (500) or a time (90s, 5m) above 0");
    }
    return policy;
  }
}
