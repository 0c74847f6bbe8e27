package graphrunner.train.listener;

import com.google.gson.GsonBuilder;
import graphrunner.BuildInfo;
import graphrunner.ExitCode;
import graphrunner.UserError;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code summary.json} into the run directory when the run ends, completed or not:
 * written to a temporary file and renamed, so it is either whole or absent.
 */
public final class SummaryJsonWriter implements TrainingListener {
  public static final String FILE_NAME = "summary.json";
  private final Path runDir;
  private final Instant started = Instant.now();

  public SummaryJsonWriter(Path runDir) {
    this.runDir = runDir;
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    Hyperparameters hp = run.config().hyperparameters();
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("steps", hp.steps());
    hyper.put("batch_size", hp.batchSize());
    hyper.put("learning_rate", hp.learningRate().describe());
    hyper.put("optimizer", hp.optimizer().describe());
    hyper.put("pkeep", hp.pkeep());
    if (!hp.init().isEmpty()) {
      hyper.put("init", hp.init());
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experiment", run.experiment().id());
    summary.put("dataset", run.data().datasetId());
    summary.put("status", result.status());
    summary.put("hyperparameters", hyper);
    summary.put("seed", run.config().seed());
    summary.put("steps", result.steps());
    summary.put("final_test_accuracy", result.finalTestAccuracy());
    summary.put("max_test_accuracy", result.maxTestAccuracy());
    summary.put("max_test_accuracy_step", result.maxAccuracyStep());
    summary.put("final_test_loss", result.finalTestLoss());
    summary.put("final_train_loss", result.finalTrainLoss());
    summary.put("wall_seconds", result.wallSeconds());
    summary.put("train_seconds", result.trainSeconds());
    summary.put("examples_per_second", result.examplesPerSecond());
    summary.put("device", result.device());
    summary.put("threads", run.config().threads());
    summary.put("started", started.toString());
    // with the settings above, what makes two runs comparable (graph-runner reproduce reuses runs)
    summary.put("dataset_sha256", run.data().sha256());
    summary.put("graph_runner_version", BuildInfo.version());
    write(summary);
  }

  private void write(Map<String, Object> summary) {
    String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
        .create().toJson(summary);
    Path target = runDir.resolve(FILE_NAME);
    try {
      Path temp = Files.createTempFile(runDir, ".summary", ".tmp");
      Files.writeString(temp, json + "\n", StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UserError(ExitCode.IO, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
