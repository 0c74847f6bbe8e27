package graphrunner.train.listener;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import graphrunner.BuildInfo;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.Checkpoints;
import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.ThreadPools;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the run's {@code summary.json}: written when the run starts (status {@code running}, the
 * settings and the arguments that {@code train --resume} replays), and completed when it ends,
 * completed, interrupted or diverged. A resumed run completes the same file and lists each
 * segment of the run under {@code segments}.
 */
public final class SummaryJsonWriter implements TrainingListener {
  private final Path runDir;
  private final List<String> arguments;
  private JsonObject summary;

  /** @param arguments the {@code train} arguments that reproduce this run's settings */
  public SummaryJsonWriter(Path runDir, List<String> arguments) {
    this.runDir = runDir;
    this.arguments = List.copyOf(arguments);
  }

  @Override
  public void onStart(RunContext run) {
    summary = run.resumed() ? SummaryJson.read(runDir) : fresh(run);
    summary.addProperty("status", "running");
    JsonObject segment = new JsonObject();
    segment.addProperty("started", Instant.now().toString());
    segment.addProperty("from_step", run.progress().startStep());
    segment.addProperty("pid", ProcessHandle.current().pid());
    if (!summary.has("segments")) {
      summary.add("segments", new JsonArray());
    }
    summary.getAsJsonArray("segments").add(segment);
    SummaryJson.write(runDir, summary);
  }

  private JsonObject fresh(RunContext run) {
    Hyperparameters hp = run.config().hyperparameters();
    JsonObject hyper = new JsonObject();
    hyper.addProperty("steps", hp.steps());
    hyper.addProperty("batch_size", hp.batchSize());
    hyper.addProperty("learning_rate", hp.learningRate().describe());
    hyper.addProperty("optimizer", hp.optimizer().describe());
    hyper.addProperty("pkeep", hp.pkeep());
    if (!hp.init().isEmpty()) {
      hyper.addProperty("init", hp.init());
    }
    if (run.experiment().batchNormalised()) {
      hyper.addProperty("batch_norm", hp.batchNorm().flag());
    }
    JsonObject fresh = new JsonObject();
    fresh.addProperty("experiment", run.experiment().id());
    fresh.addProperty("dataset", run.data().datasetId());
    fresh.addProperty("status", "running");
    fresh.add("hyperparameters", hyper);
    fresh.addProperty("seed", run.config().seed());
    JsonArray args = new JsonArray();
    arguments.forEach(args::add);
    fresh.add("arguments", args);
    fresh.addProperty("device", run.device());
    fresh.addProperty("threads", run.config().threads());
    fresh.addProperty("inter_op_threads", run.config().tuning().interOpThreads());
    fresh.addProperty("thread_pools", ThreadPools.describe());
    fresh.addProperty("xla", run.config().tuning().xla());
    fresh.addProperty("prefetch", run.config().tuning().prefetch());
    fresh.addProperty("bf16", run.config().tuning().bfloat16());
    fresh.addProperty("started", Instant.now().toString());
    // with the settings above, what makes two runs comparable (graph-runner reproduce reuses runs)
    fresh.addProperty("dataset_sha256", run.data().sha256());
    fresh.addProperty("graph_runner_version", BuildInfo.version());
    return fresh;
  }

  /** How far the run got, so far: a run killed midway still says so in {@code runs}. */
  @Override
  public void onEvaluation(RunContext run, Evaluation evaluation) {
    summary.addProperty("steps", evaluation.step());
    JsonElement best = summary.get("max_test_accuracy");
    if (best == null || !best.isJsonPrimitive() || !best.getAsJsonPrimitive().isNumber()
        || evaluation.accuracy() > best.getAsDouble()) {
      summary.addProperty("max_test_accuracy", evaluation.accuracy());
      summary.addProperty("max_test_accuracy_step", evaluation.step());
    }
    SummaryJson.write(runDir, summary);
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    summary.addProperty("status", result.status());
    summary.addProperty("steps", result.steps());
    summary.addProperty("final_test_accuracy", result.finalTestAccuracy());
    summary.addProperty("max_test_accuracy", result.maxTestAccuracy());
    summary.addProperty("max_test_accuracy_step", result.maxAccuracyStep());
    summary.addProperty("final_test_loss", result.finalTestLoss());
    summary.addProperty("final_train_loss", result.finalTrainLoss());
    summary.addProperty("wall_seconds", result.wallSeconds());
    summary.addProperty("train_seconds", result.trainSeconds());
    summary.addProperty("examples_per_second", result.examplesPerSecond());
    summary.addProperty("device", result.device());
    JsonObject startup = new JsonObject();
    run.startup().phases().forEach(startup::addProperty);
    summary.add("startup_seconds", startup);
    new Checkpoints(runDir).newest().ifPresent(c ->
        summary.addProperty("checkpoint", runDir.relativize(c.dir()).toString()));
    JsonArray segments = summary.getAsJsonArray("segments");
    JsonObject segment = segments.get(segments.size() - 1).getAsJsonObject();
    segment.addProperty("to_step", result.steps());
    segment.addProperty("ended", Instant.now().toString());
    segment.addProperty("status", result.status());
    SummaryJson.write(runDir, summary);
  }
}
