package graphrunner.cli;

import graphrunner.ExitCode;
import graphrunner.UserError;
import graphrunner.data.DataLocator;
import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.DeviceProbe;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import graphrunner.train.listener.ClassificationReport;
import graphrunner.train.listener.PlainProgressListener;
import graphrunner.train.listener.ProgressBarListener;
import graphrunner.train.listener.SavedModelExportListener;
import graphrunner.train.listener.SummaryJsonWriter;
import graphrunner.train.listener.TensorBoardListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tensorflow.proto.ConfigProto;

/** {@code train ID}: trains an experiment and writes its run directory. */
final class TrainCommand implements Command {
  private static final int HISTOGRAM_EVERY = 1000;

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String arguments() {
    return "ID";
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
  public void run(CommandLine line, Console out) {
    Experiment experiment = Catalogue.create(Flags.single(line, "experiment id"));
    if (!experiment.trains()) {
      throw new UserError(ExitCode.USAGE, experiment.id() + " has nothing to train: it is built "
          + "to be looked at (graph-runner describe " + experiment.id() + ")");
    }
    // validate every flag before the slow parts (data, graph)
    TrainingFlags.hyperparameters(line, experiment, Integer.MAX_VALUE);
    RunConfig probe = TrainingFlags.runConfig(line, experiment.defaults());
    var cluster = ClusterFlags.from(line, System.getenv());
    if (cluster.isPresent()) { // TF_CONFIG or --cluster: one task of a cluster job
      ClusterTrain.run(line, out, experiment, cluster.get());
      return;
    }
    if (line.hasOption("verbose")) {
      out.note("devices: " + String.join(", ", DeviceProbe.visibleDevices(
          ConfigProto.getDefaultInstance())));
    }
    SessionFactory sessions = SessionFactory.forRun(probe, () -> out.note(
        "no GPU visible to TensorFlow: running on the CPU (--allow-cpu-fallback)"));

    DataSplits data = DataLocator.fromEnvironment().load(Dataset.byId(experiment.datasetId()),
        Optional.ofNullable(Flags.path(line, "data-dir", null)));
    Hyperparameters hp = TrainingFlags.hyperparameters(line, experiment, data.train().count());
    RunConfig config = TrainingFlags.runConfig(line, hp);
    int histogramEvery = Flags.positiveInt(line, "histogram-every", HISTOGRAM_EVERY);
    Path logdir = Flags.path(line, "logdir", "runs");
    Path runDir = RunDirectory.create(logdir, experiment.id());

    out.note(String.format("%s: %,d steps of batch %d, lr %s, %s%s, seed %d, %s", experiment.id(),
        hp.steps(), hp.batchSize(), hp.learningRate().describe(), hp.optimizer().describe(),
        hp.init().isEmpty() ? "" : ", init " + hp.init(), config.seed(),
        sessions.device().deviceName()));
    experiment.choices().forEach(choice -> out.note("  choice: " + choice));
    out.note("run directory: " + runDir + "   (see it: tensorboard --logdir " + logdir + ")");

    List<TrainingListener> listeners = new ArrayList<>();
    listeners.add(out.interactive() ? new ProgressBarListener(out.err())
        : new PlainProgressListener(out.out()));
    listeners.add(new TensorBoardListener(runDir, histogramEvery));
    if (!line.hasOption("no-export")) {
      listeners.add(new SavedModelExportListener(() -> Catalogue.create(experiment.id()),
          Flags.path(line, "export-dir", "models"), dir -> out.note("SavedModel: " + dir)));
    }
    listeners.add(new SummaryJsonWriter(runDir));
    if (experiment.reportsClassification() || line.hasOption("report")) {
      listeners.add(new ClassificationReport(out.out(), 5));
    }
    TrainingResult result;
    try (StopSignal stop = new StopSignal()) {
      result = new Trainer(listeners, stop::requested).train(experiment, data, config, sessions);
    }
    out.println(String.format("%s %s: max test accuracy %.4f (step %,d), final %.4f "
            + "(slide: %s); %,.0f examples/s, %.1f s",
        experiment.id(), result.status(), result.maxTestAccuracy(), result.maxAccuracyStep(),
        result.finalTestAccuracy(), experiment.slideAccuracy(), result.examplesPerSecond(),
        result.wallSeconds()));
    out.println("summary: " + runDir.resolve(SummaryJsonWriter.FILE_NAME));
    if (!result.completed()) {
      throw new UserError(ExitCode.INTERRUPTED, "interrupted at step " + result.steps());
    }
  }
}
