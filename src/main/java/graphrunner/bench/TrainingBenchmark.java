package graphrunner.bench;

import graphrunner.data.DataSplits;
import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.TrainStep;
import graphrunner.train.Batch;
import graphrunner.train.RunConfig;
import graphrunner.train.RunContext;
import graphrunner.train.SessionFactory;
import graphrunner.train.ShuffledBatches;
import graphrunner.train.StepRunner;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Times one experiment's training step three ways in one process: (a) through {@link Trainer},
 * the runner users get (batch preparation, knobs, metrics fetches, listeners), (b) a bare loop
 * that only feeds pre-built tensors to the same graph's train op, and (c) that bare loop making
 * each batch from the shuffled training set as the runner does. (a) against (b) is the runner's
 * overhead, (c) against (b) the part of it that making batches costs. None evaluates the test
 * set.
 */
public final class TrainingBenchmark {
  /**
   * Each loop's first steps, which its time figures leave out: the first session call of each
   * kind builds its executor once (fc5-relu-decay: 110 ms for the first update, 72 ms for the
   * first that also fetches metrics, at step 20, against 1.7 ms a step), a cost of the first
   * seconds of a run that would otherwise weigh on a short loop's mean. "1st step s" shows it.
   */
  static final int SETTLING_STEPS = 2 * RunConfig.DEFAULT_METRICS_EVERY;
  private static final int BARE_BATCHES = 50;
  private final String experimentId;
  private final DataSplits data;
  private final RunConfig config;

  public TrainingBenchmark(String experimentId, DataSplits data, RunConfig config) {
    this.experimentId = experimentId;
    this.data = data;
    this.config = config.withEvalEvery(0);
  }

  public LoopFigures runner() {
    var times = new StepTimes((int) config.hyperparameters().steps(), SETTLING_STEPS);
    var timer = new RunnerTimer(times);
    new Trainer(List.of(timer), () -> false).train(Catalogue.experiment(experimentId), data, config,
        SessionFactory.forRun(config, () -> {}));
    return LoopFigures.of("runner", times, config.hyperparameters().batchSize(),
        timer.firstStepSeconds);
  }

  public LoopFigures bare() {
    return timedBareLoop("bare",
        (updates, batches, i) -> updates.update(batches.get(i % batches.size())));
  }

  /** The bare loop, making each step's batch from the shuffled training set, timed with it. */
  public LoopFigures bareMakingBatches() {
    Hyperparameters hp = config.hyperparameters();
    try (var source = new ShuffledBatches(data.train(), hp.batchSize(), config.seed(), 0)) {
      return timedBareLoop("batches", (updates, batches, i) -> {
        source.next(batches.get(0));
        updates.update(batches.get(0));
      });
    }
  }

  /**
   * The three loops taking turns in one process, {@code steps} each: the runner trains, and after
   * each of its turns of {@code turnSteps} steps the bare loop and the bare loop making batches
   * take one each, each on a graph and session of its own, in alternating order. This machine's
   * speed drifts within seconds, so whole loops run one after another compare loosely (a round's
   * pair has differed by tens of percent); turns of a tenth of a second meet the same machine.
   */
  public Turns inTurns(int turnSteps) {
    Hyperparameters hp = config.hyperparameters();
    int steps = (int) hp.steps();
    var taking = new TakingTurns(steps, turnSteps);
    // a graph and session for each bare loop, as the runner has its own: every loop's turn then
    // starts on a session the others ran last (fc5-relu-decay: the first step after the switch
    // +0.2 ms, the second +0.07), where two bare loops sharing one would spare the second that
    onGraph((bareGraph, bareUpdates, bareBatches) -> onGraph((graph, makingUpdates, made) -> {
      try (var source = new ShuffledBatches(data.train(), hp.batchSize(), config.seed(), 0)) {
        taking.bareLoops(bareUpdates, bareBatches, makingUpdates, made.get(0), source);
        new Trainer(List.of(taking), () -> false).train(Catalogue.experiment(experimentId), data,
            config, SessionFactory.forRun(config, () -> {}));
      }
    }));
    return taking.figures(hp.batchSize());
  }

  /**
   * What {@link #inTurns} measured: each loop's figures over all its steps, and each turn's
   * time of every loop (nanoseconds; [turn][runner, bare, batches]), settling turns left out.
   */
  public record Turns(LoopFigures runner, LoopFigures bare, LoopFigures batches,
      long[][] turnNanos) {

    /** Per counted turn, how much longer the runner took than the bare loop, in percent. */
    public double[] runnerOverheads() {
      return overheads(TakingTurns.RUNNER);
    }

    /** Per counted turn, how much longer the bare loop making batches took, in percent. */
    public double[] batchOverheads() {
      return overheads(TakingTurns.BATCHES);
    }

    private double[] overheads(int loop) {
      double[] percents = new double[turnNanos.length];
      for (int t = 0; t < turnNanos.length; t++) {
        percents[t] = 100.0 * turnNanos[t][loop] / turnNanos[t][TakingTurns.BARE] - 100;
      }
      return percents;
    }
  }

  /** The runner's listener that, after each of its turns, gives the bare loops theirs. */
  private static final class TakingTurns implements TrainingListener {
    private static final int RUNNER = 0;
    private static final int BARE = 1;
    private static final int BATCHES = 2;
    private final int turnSteps;
    private final StepTimes[] times = new StepTimes[3];
    private final long[][] turnNanos;
    private StepRunner bareUpdates;
    private List<Batch> bareBatches;
    private StepRunner makingUpdates;
    private Batch madeBatch;
    private ShuffledBatches source;
    private long previousStepEnd;
    private int bareStep;

    TakingTurns(int steps, int turnSteps) {
      this.turnSteps = turnSteps;
      Arrays.setAll(times, i -> new StepTimes(steps, SETTLING_STEPS));
      turnNanos = new long[(steps + turnSteps - 1) / turnSteps][3];
    }

    /**
     * The bare loop's updates and pre-made batches; the bare loop making batches', on a session
     * of its own, with the batch it fills from {@code batchSource}.
     */
    void bareLoops(StepRunner bare, List<Batch> batches, StepRunner making, Batch made,
        ShuffledBatches batchSource) {
      bareUpdates = bare;
      bareBatches = batches;
      makingUpdates = making;
      madeBatch = made;
      source = batchSource;
    }

    @Override
    public void onStep(RunContext run, long stepsDone, long stepNanos) {
      long now = System.nanoTime();
      int turn = (int) ((stepsDone - 1) / turnSteps);
      record(RUNNER, turn, previousStepEnd == 0 ? stepNanos : now - previousStepEnd);
      boolean lastStep = stepsDone == run.config().hyperparameters().steps();
      if (stepsDone % turnSteps == 0 || lastStep) {
        int n = (int) (stepsDone - (long) turn * turnSteps);
        boolean bareFirst = turn % 2 == 0;
        bareTurn(bareFirst ? BARE : BATCHES, turn, n);
        bareTurn(bareFirst ? BATCHES : BARE, turn, n);
        now = System.nanoTime();
      }
      previousStepEnd = now;
    }

    private void bareTurn(int loop, int turn, int n) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        if (loop == BARE) {
          bareUpdates.update(bareBatches.get(bareStep++ % bareBatches.size()));
        } else {
          source.next(madeBatch);
          makingUpdates.update(madeBatch);
        }
        record(loop, turn, System.nanoTime() - t0);
      }
    }

    private void record(int loop, int turn, long nanos) {
      times[loop].add(nanos);
      turnNanos[turn][loop] += nanos;
    }

    Turns figures(int batchSize) {
      int settlingTurns = (SETTLING_STEPS + turnSteps - 1) / turnSteps;
      long[][] counted = turnNanos.length > settlingTurns
          ? Arrays.copyOfRange(turnNanos, settlingTurns, turnNanos.length) : turnNanos;
      return new Turns(LoopFigures.of("runner", times[RUNNER], batchSize, 0),
          LoopFigures.of("bare", times[BARE], batchSize, 0),
          LoopFigures.of("batches", times[BATCHES], batchSize, 0), counted);
    }
  }

  /** Step {@code i} of a bare loop, given the pre-made batches. */
  private interface BareStep {
    void run(StepRunner updates, List<Batch> batches, int i);
  }

  private LoopFigures timedBareLoop(String name, BareStep step) {
    Hyperparameters hp = config.hyperparameters();
    int steps = (int) hp.steps();
    long start = System.nanoTime();
    var times = new StepTimes(steps, SETTLING_STEPS);
    double[] firstStep = new double[1];
    onGraph((graph, updates, batches) -> {
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        step.run(updates, batches, i);
        times.add(System.nanoTime() - t0);
        if (i == 0) {
          firstStep[0] = (System.nanoTime() - start) / 1e9;
        }
      }
    });
    return LoopFigures.of(name, times, hp.batchSize(), firstStep[0]);
  }

  /**
   * {@code steps} updates traced by TensorFlow, after as many untraced ones to warm up, with
   * each batch made as the runner makes it (so that its cost shows).
   */
  public StepProfile profile(int steps) {
    Hyperparameters hp = config.hyperparameters();
    StepProfile[] profile = new StepProfile[1];
    onGraph((graph, updates, batches) -> {
      Batch batch = batches.get(0);
      var stepProfile = new StepProfile(graph);
      try (var source = new ShuffledBatches(data.train(), hp.batchSize(), config.seed(), 0)) {
        for (int i = 0; i < 2 * steps; i++) {
          long t0 = System.nanoTime();
          source.next(batch);
          long t1 = System.nanoTime();
          if (i < steps) {
            updates.update(batch);
          } else {
            var runs = updates.traced(batch);
            stepProfile.add(runs, System.nanoTime() - t1, t1 - t0);
          }
        }
      }
      profile[0] = stepProfile;
    });
    return profile[0];
  }

  /** The arithmetic of one training step, ≈ FLOPs ({@link ModelFlops}). */
  public double trainingFlopsPerStep() {
    Hyperparameters hp = config.hyperparameters();
    return ModelFlops.of(Catalogue.experiment(experimentId), hp)
        .trainingPerStep(hp.batchSize());
  }

  /** The work done on a fresh graph of the experiment, with its session and pre-made batches. */
  private interface GraphWork {
    void run(Graph graph, StepRunner updates, List<Batch> batches);
  }

  private void onGraph(GraphWork work) {
    Hyperparameters hp = config.hyperparameters();
    List<Batch> batches = new ArrayList<>();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Model model = Catalogue.experiment(experimentId).build(tf, new Seeds(config.seed()), hp);
      TrainStep step = TrainStep.build(graph, tf, model, hp.learningRate(), hp.optimizer());
      try (Session session = SessionFactory.forRun(config, () -> {}).open(graph);
          StepRunner updates = new StepRunner(session, model, step)) {
        session.initialize();
        prebuild(batches, hp.batchSize());
        work.run(graph, updates, batches);
      }
    } finally {
      batches.forEach(Batch::close);
    }
  }

  private void prebuild(List<Batch> batches, int batchSize) {
    try (var source = new ShuffledBatches(data.train(), batchSize, config.seed(), 0)) {
      for (int b = 0; b < BARE_BATCHES; b++) {
        var batch = Batch.allocate(batchSize, 28, 28);
        batches.add(batch); // closed with the others, even if filling it fails
        source.next(batch);
      }
    }
  }

  /**
   * Records the runner's step times and its time to first step. A step's time runs from the end
   * of the previous one, so that everything the loop does between two updates counts, not only
   * the batch and the session call the trainer itself times.
   */
  private static final class RunnerTimer implements TrainingListener {
    private final StepTimes times;
    private final long start = System.nanoTime();
    private long previousStepEnd;
    private double firstStepSeconds;

    RunnerTimer(StepTimes times) {
      this.times = times;
    }

    @Override
    public void onStep(RunContext run, long stepsDone, long stepNanos) {
      long now = System.nanoTime();
      times.add(previousStepEnd == 0 ? stepNanos : now - previousStepEnd);
      previousStepEnd = now;
      if (stepsDone == 1) {
        firstStepSeconds = (now - start) / 1e9;
      }
    }
  }
}
