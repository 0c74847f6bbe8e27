package graphrunner.cluster;

import graphrunner.data.DataSplits;
import graphrunner.data.LabeledImages;
import graphrunner.experiments.Experiment;
import graphrunner.train.Evaluation;
import graphrunner.train.RunConfig;
import graphrunner.train.LoopProgress;
import graphrunner.train.LoopState;
import graphrunner.train.RunContext;
import graphrunner.train.StartupTimes;
import graphrunner.train.TestSetEvaluator;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingMetrics;
import graphrunner.train.TrainingResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The chief's run: its own share of the updates, and around them what a single-process run does
 * (the same listeners: progress, TensorBoard, summary.json, export), indexed by the global step.
 * Evaluations fall on the first update at or past each multiple of {@code --eval-every}.
 */
final class ChiefRun {
  /** How long the chief waits for the other workers' reports once the target is reached. */
  private static final Duration REPORT_PATIENCE = Duration.ofSeconds(10);

  private final TfConfig config;
  private final Session session;
  private final Graph graph;
  private final ReplicaGraph replica;
  private final List<TrainingListener> listeners;
  private final ClusterSummary summary;
  private final Consumer<String> note;
  private volatile long lastGlobalStep;
  private boolean jobEnded;

  ChiefRun(TfConfig config, Session session, Graph graph, ReplicaGraph replica,
      List<TrainingListener> listeners, Path runDir, Consumer<String> note) {
    this.config = config;
    this.session = session;
    this.graph = graph;
    this.replica = replica;
    this.summary = new ClusterSummary(config, runDir);
    this.listeners = new ArrayList<>(listeners);
    this.listeners.add(summary); // after the summary.json writer it completes
    this.note = note;
  }

  long lastGlobalStep() {
    return lastGlobalStep;
  }

  static boolean ready(Session session, ReplicaGraph replica) {
    try (Result r = session.runner().fetch(replica.ready()).run()) {
      return ((TBool) r.get(0)).getBoolean();
    }
  }

  TrainingResult train(Experiment experiment, DataSplits data, RunConfig config,
      LabeledImages shard, long shardSeed, BooleanSupplier stop, LongConsumer onGlobalStep,
      AutoCloseable parameterServerWatch) {
    var run = new RunContext(experiment, config, data, graph, session, replica.model(),
        replica.trainStep(), this.config.task().cpu().toString(),
        new LoopProgress(LoopState.fresh()), stop, new StartupTimes());
    listeners.forEach(l -> l.onStart(run));
    try (TestSetEvaluator evaluator = new TestSetEvaluator(data.test(), config.evalBatchSize())) {
      var hook = new Hook(run, evaluator, onGlobalStep);
      var loop = new WorkerLoop(session, replica, config);
      hook.evaluate(loop.globalStep());
      long start = System.nanoTime();
      TrainerFigures mine = loop.run(shard, shardSeed, hook, stop);
      double loopSeconds = (System.nanoTime() - start) / 1e9;
      List<WorkerReports.Report> reports = new ArrayList<>();
      reports.add(new WorkerReports.Report(this.config.task(), mine.localSteps(),
          mine.examplesPerSecond()));
      reports.addAll(new WorkerReports(session, replica.signals()).collect(this.config.cluster(),
          this.config.cluster().trainers().size() - 1, REPORT_PATIENCE));
      long global = loop.globalStep(); // the others' last updates included
      lastGlobalStep = global;
      onGlobalStep.accept(global);
      double total = global * config.hyperparameters().batchSize() / loopSeconds;
      hook.evaluate(global);
      summary.record(reports, total);
      note.accept(String.format("%s: %,d of %,d updates were this task's; %d of %d other "
              + "workers reported", this.config.task(), mine.localSteps(), global,
          reports.size() - 1, this.config.cluster().trainers().size() - 1));
      String status = global >= config.hyperparameters().steps() ? "completed" : "interrupted";
      var result = new TrainingResult(status, global, hook.last.accuracy(), hook.best.accuracy(),
          hook.best.step(), hook.last.loss(), hook.lastTrainLoss, loopSeconds,
          mine.trainSeconds(), total, run.device());
      listeners.forEach(l -> l.onEnd(run, result));
      closeQuietly(parameterServerWatch); // the parameter servers are told to end next
      return result;
    }
  }

  /**
   * Tells every parameter server that the job is over, so that nothing of it keeps listening.
   * Best effort: when a parameter server is gone there is nobody left to tell.
   */
  void endJob() {
    if (jobEnded) {
      return;
    }
    jobEnded = true;
    for (var jobOver : replica.signals().jobOver) {
      try {
        session.runner().addTarget(jobOver).setOptions(ClusterSessions.timed()).run().close();
      } catch (TensorFlowException gone) {
        // that parameter server has already exited
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Evaluations and metrics at the chief's updates. */
  private final class Hook implements WorkerLoop.StepHook {
    private final RunContext run;
    private final TestSetEvaluator evaluator;
    private final long start = System.nanoTime();
    private long nextEvaluation;
    private double lastTrainLoss = Double.NaN;
    private Evaluation last;
    private Evaluation best;
    private final LongConsumer onGlobalStep;

    Hook(RunContext run, TestSetEvaluator evaluator, LongConsumer onGlobalStep) {
      this.run = run;
      this.evaluator = evaluator;
      this.onGlobalStep = onGlobalStep;
    }

    @Override
    public boolean wantsMetrics(long localSteps) {
      return localSteps % run.config().metricsEvery() == 0;
    }

    @Override
    public void afterStep(long localSteps, long globalStep, Result metrics) {
      lastGlobalStep = globalStep;
      onGlobalStep.accept(globalStep);
      if (metrics != null) {
        reportMetrics(globalStep, metrics);
      }
      if (globalStep >= nextEvaluation && globalStep < run.config().hyperparameters().steps()) {
        evaluate(globalStep);
      }
    }

    private void reportMetrics(long globalStep, Result r) {
      double seconds = (System.nanoTime() - start) / 1e9;
      lastTrainLoss = ((TFloat32) r.get(1)).getFloat();
      var metrics = new TrainingMetrics(globalStep, run.config().hyperparameters().steps(),
          lastTrainLoss, ((TFloat32) r.get(2)).getFloat(), ((TFloat32) r.get(3)).getFloat(),
          globalStep * run.config().hyperparameters().batchSize() / seconds, seconds);
      listeners.forEach(l -> l.onTrainingMetrics(run, metrics));
    }

    void evaluate(long globalStep) {
      last = evaluator.evaluate(session, run.model(), globalStep, () -> false).orElseThrow();
      if (best == null || last.accuracy() > best.accuracy()) {
        best = last;
      }
      int every = run.config().evalEvery();
      nextEvaluation = (globalStep / every + 1) * every;
      listeners.forEach(l -> l.onEvaluation(run, last));
    }
  }
}
