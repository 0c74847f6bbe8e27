package graphrunner.train;

import graphrunner.DamagedRun;
import graphrunner.Phases;
import graphrunner.TrainingDiverged;
import graphrunner.data.DataSplits;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.TrainStep;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains an experiment through a {@link Session}: shuffled mini-batches, one update per step, the
 * whole test set evaluated every {@code evalEvery} steps (before that step's update) and after the
 * last update. Everything that watches the run is a {@link TrainingListener}.
 *
 * <p>A stop request ends the loop after the current update, or between two batches of an
 * evaluation, without a further evaluation: the listeners then save a checkpoint and the logs, and
 * a run resumed from that checkpoint goes on exactly as if it had never stopped.
 */
public final class Trainer {
  private final List<TrainingListener> listeners;
  private final BooleanSupplier stopRequested;

  public Trainer(List<TrainingListener> listeners, BooleanSupplier stopRequested) {
    this.listeners = List.copyOf(listeners);
    this.stopRequested = stopRequested;
  }

  public TrainingResult train(Experiment experiment, DataSplits data, RunConfig config,
      SessionFactory sessions) {
    return train(experiment, data, config, sessions, Optional.empty());
  }

  /** Trains from {@code resumeFrom}'s variables and loop state, or from step 0. */
  public TrainingResult train(Experiment experiment, DataSplits data, RunConfig config,
      SessionFactory sessions, Optional<Checkpoint> resumeFrom) {
    Hyperparameters hp = config.hyperparameters();
    var startup = new StartupTimes();
    startup.reached("flags and data");
    TensorFlow.version(); // loads the native library, so that its time shows apart
    startup.reached("tensorflow");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder()
          .deviceType(sessions.device() == Device.GPU
              ? DeviceSpec.DeviceType.GPU : DeviceSpec.DeviceType.CPU)
          .deviceIndex(0).build());
      Model model = experiment.build(tf, new Seeds(config.seed()), hp);
      TrainStep step = TrainStep.build(graph, tf, model, hp.learningRate(), hp.optimizer());
      startup.reached("graph");
      try (Session session = sessions.open(graph);
          TestSetEvaluator evaluator = new TestSetEvaluator(data.test(), config.evalBatchSize())) {
        LoopState start = resumeFrom.map(c -> restore(session, model, c)).orElseGet(() -> {
          session.initialize();
          return LoopState.fresh();
        });
        startup.reached("session");
        var run = new RunContext(experiment, config, data, graph, session, model, step,
            sessions.device().deviceName(), new LoopProgress(start), stopRequested, startup);
        listeners.forEach(l -> l.onStart(run));
        TrainingResult result = new Loop(run, evaluator).call();
        listeners.forEach(l -> l.onEnd(run, result));
        return result;
      }
    }
  }

  /** Loads the checkpoint's variables; its step must be what global_step says. */
  private static LoopState restore(Session session, Model model, Checkpoint checkpoint) {
    LoopState state = Checkpoints.state(checkpoint);
    checkpoint.restoreInto(session);
    try (Result r = session.runner().fetch(model.globalStep()).run()) {
      long globalStep = ((TInt64) r.get(0)).getLong();
      if (globalStep != state.step()) {
        throw new DamagedRun("damaged checkpoint " + checkpoint.dir()
            + ": global_step is " + globalStep + ", its state says " + state.step());
      }
    }
    return state;
  }

  /** The state of one run's loop. */
  private final class Loop {
    private final RunContext run;
    private final TestSetEvaluator evaluator;
    private final LoopProgress progress;

    Loop(RunContext run, TestSetEvaluator evaluator) {
      this.run = run;
      this.evaluator = evaluator;
      this.progress = run.progress();
    }

    TrainingResult call() {
      RunConfig config = run.config();
      Hyperparameters hp = config.hyperparameters();
      int batch = hp.batchSize();
      long step = progress.startStep();
      try (var shuffled = new ShuffledBatches(run.data().train(), batch, config.seed(), step);
          var batches = new PrefetchedBatches(shuffled, batch, run.data().train().rows(),
          run.data().train().cols(), config.tuning().prefetch());
          var steps = new StepRunner(run.session(), run.model(), run.trainStep())) {
        for (; step < hp.steps(); step++) {
          if (stopRequested.getAsBoolean()
              || evaluatesBefore(step) && !evaluate(step)) {
            return result(step, "interrupted");
          }
          long t0 = System.nanoTime();
          update(steps, step, t0, batches.next());
          Phases.reached("step-" + (step + 1), stopRequested);
        }
        boolean evaluated = !config.evaluates() || evaluate(step);
        return result(step, evaluated ? "completed" : "interrupted");
      } catch (Diverged e) {
        listeners.forEach(l -> l.onEnd(run, result(e.step, "diverged")));
        throw new TrainingDiverged("training diverged at step " + e.step
            + ": loss is " + e.loss + " (try a smaller --lr)");
      }
    }

    private boolean evaluatesBefore(long step) {
      return run.config().evaluates() && step % run.config().evalEvery() == 0;
    }

    private void update(StepRunner steps, long step, long t0, Batch batch) {
      boolean withMetrics = (step + 1) % run.config().metricsEvery() == 0
          || step + 1 == run.config().hyperparameters().steps();
      try (Result r = steps.run(batch, withMetrics)) {
        long stepNanos = System.nanoTime() - t0;
        run.startup().reached("first step");
        progress.trained(stepNanos);
        if (withMetrics) {
          reportMetrics(step + 1, r);
        }
        for (TrainingListener l : listeners) {
          l.onStep(run, step + 1, stepNanos);
        }
      }
    }

    private void reportMetrics(long stepsDone, Result r) {
      double loss = ((TFloat32) r.get(0)).getFloat();
      if (!Double.isFinite(loss)) {
        throw new Diverged(stepsDone, loss);
      }
      progress.trainLoss(loss);
      var metrics = new TrainingMetrics(stepsDone, run.config().hyperparameters().steps(), loss,
          ((TFloat32) r.get(1)).getFloat(), ((TFloat32) r.get(2)).getFloat(),
          examplesPerSecond(stepsDone), progress.wallSeconds());
      listeners.forEach(l -> l.onTrainingMetrics(run, metrics));
    }

    /** Evaluates the test set before the update of {@code step}; false when stopped midway. */
    private boolean evaluate(long step) {
      Phases.reached("eval-" + step, stopRequested);
      Optional<Evaluation> done = evaluator.evaluate(run.session(), run.model(), step,
          stopRequested);
      if (done.isEmpty()) {
        return false;
      }
      Evaluation evaluation = done.get();
      if (!Double.isFinite(evaluation.loss())) {
        throw new Diverged(step, evaluation.loss());
      }
      progress.evaluated(evaluation);
      run.startup().reached("evaluation");
      listeners.forEach(l -> l.onEvaluation(run, evaluation));
      return true;
    }

    private double examplesPerSecond(long stepsDone) {
      return progress.examplesPerSecond(stepsDone, run.config().hyperparameters().batchSize());
    }

    private TrainingResult result(long stepsDone, String status) {
      EvaluationFigures last = progress.last();
      EvaluationFigures best = progress.best();
      return new TrainingResult(status, stepsDone,
          last == null ? Double.NaN : last.accuracy(),
          best == null ? Double.NaN : best.accuracy(), best == null ? 0 : best.step(),
          last == null ? Double.NaN : last.loss(), progress.lastTrainLoss(),
          progress.wallSeconds(), progress.trainSeconds(),
          examplesPerSecond(stepsDone), run.device());
    }
  }

  /** Thrown inside the loop when the loss stops being a number. */
  private static final class Diverged extends RuntimeException {
    final long step;
    final double loss;

    Diverged(long step, double loss) {
      super(null, null, false, false);
      this.step = step;
      this.loss = loss;
    }
  }
}
