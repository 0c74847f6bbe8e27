package graphrunner.cli;

import com.google.gson.JsonObject;
import graphrunner.GraphRunnerException;
import graphrunner.data.Dataset;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.fs.WritableFolder;
import graphrunner.savedmodel.SavedModelExporter;
import graphrunner.train.Checkpoint;
import graphrunner.train.CheckpointExport;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code export RUN_DIR}: exports a run's newest checkpoint as a SavedModel, e.g. after the
 * export at the end of {@code train} failed (a full disk) or was interrupted, or to get a model
 * from a run that was stopped early.
 */
final class ExportCommand implements Command {

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String arguments() {
    return "RUN_DIR";
  }

  @Override
  public String summary() {
    return "export a run's newest checkpoint as a SavedModel (models/<id>/<version>/)";
  }

  @Override
  public Options options() {
    return new Options().addOption(TrainingFlags.valued("export-dir", "DIR",
        "where the SavedModel goes, as DIR/<id>/<version>/ (default: the run's own --export-dir, "
            + "else models)"));
  }

  /**
   * What {@code export} was asked, checked before the run is read: an --export-dir given here
   * must be writable (the run's own, and the model's folder below it, are known only after).
   */
  record Request(Path runDir, Optional<Path> exportDir) {

    static Request from(CommandLine line) {
      Path runDir = Path.of(Flags.single(line, "run directory"));
      Optional<Path> exportDir = Optional.ofNullable(Flags.path(line, "export-dir", null));
      exportDir.ifPresent(root -> WritableFolder.problem(root).ifPresent(problem -> {
        throw new UserError(ExitCode.IO, "cannot write SavedModels under --export-dir " + root
            + ": " + problem);
      }));
      return new Request(runDir, exportDir);
    }
  }

  @Override
  public void run(CommandLine line, Console out) {
    Request request = Request.from(line);
    RecordedRun.read(request.runDir()); // a run directory, before a lock file is made in it
    try (RunLock lock = new RunLock()) {
      // a run still training prunes the checkpoint this would read: export it when it ends
      lock.take(request.runDir(), "export");
      export(RecordedRun.read(request.runDir()), request, out);
    }
  }

  private static void export(RecordedRun run, Request request, Console out) {
    CommandLine recorded = run.replay(new TrainCommand().options(), Map.of());
    Experiment experiment = Catalogue.experiment(run.experimentId());
    Hyperparameters hp = TrainingFlags.hyperparameters(recorded, experiment, Integer.MAX_VALUE);
    long seed = Flags.anyLong(recorded, "seed", 0);
    Path root = request.exportDir().orElseGet(() -> Flags.path(recorded, "export-dir", "models"));
    SavedModelExporter.checkWritable(root, experiment.id());
    if (!run.status().equals("completed")) {
      run.newestCheckpoint(); // none: say only that, not which model the export would take
      out.note("note: the run is " + run.status() + "; the model is its newest checkpoint's");
    }
    try (StopSignal stop = new StopSignal(out.err())) {
      exportRun(run, hp, seed, Dataset.byId(experiment.datasetId()).classNames(), root, out,
          stop);
    }
  }

  /**
   * Exports {@code run}'s newest checkpoint and records the outcome in its summary.json. A failed
   * or interrupted export says how to try again; the checkpoint stays.
   */
  static void exportRun(RecordedRun run, Hyperparameters hp, long seed, List<String> classNames,
      Path root, Console out, StopSignal stop) {
    Checkpoint checkpoint = run.newestCheckpoint();
    stop.nowStopping("stopping the export, which leaves nothing behind");
    String again = "; the trained model is kept in " + checkpoint.dir()
        + "; export it with: " + Launcher.command() + " export "
        + Launcher.shellWord(run.dir());
    try {
      Path model = CheckpointExport.export(run.experimentId(), hp, seed, checkpoint, classNames,
          root, stop::requested);
      record(run, "exported", model.toAbsolutePath().toString());
      out.note("SavedModel: " + model);
    } catch (SavedModelExporter.ExportInterrupted e) {
      record(run, "interrupted", null);
      throw new UserError(stop.exitCode(), "interrupted during the export, which left nothing "
          + "behind" + again);
    } catch (UserError | GraphRunnerException e) {
      recordIfPossible(run, "failed", e.getMessage());
      throw new UserError(ExitCodes.of(e), e.getMessage() + again, e);
    }
  }

  /** Records a failed export when the disk still takes summary.json: a full one may not. */
  private static void recordIfPossible(RecordedRun run, String status, String detail) {
    try {
      record(run, status, detail);
    } catch (GraphRunnerException unwritable) {
      // the export's own error, with its hint, is what the user needs to read
    }
  }

  private static void record(RecordedRun run, String status, String detail) {
    JsonObject summary = SummaryJson.read(run.dir());
    JsonObject export = new JsonObject();
    export.addProperty("status", status);
    if (detail != null) {
      export.addProperty(status.equals("exported") ? "path" : "reason", detail);
    }
    summary.add("export", export);
    SummaryJson.write(run.dir(), summary);
  }
}
