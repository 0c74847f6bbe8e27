package graphrunner.train;

/**
 * The running tally of a training loop, carried over from a checkpoint when a run resumes: best
 * and latest evaluation, latest training loss, and the time spent so far across segments.
 */
public final class LoopProgress {
  private final LoopState start;
  private final long segmentStartNanos = System.nanoTime();
  private long segmentTrainNanos;
  private EvaluationFigures best;
  private EvaluationFigures last;
  private double lastTrainLoss;

  public LoopProgress(LoopState start) {
    this.start = start;
    this.best = start.best();
    this.last = start.last();
    this.lastTrainLoss = start.lastTrainLoss();
  }

  /** The step the loop started at: 0, or the checkpoint's step when resumed. */
  public long startStep() {
    return start.step();
  }

  void evaluated(Evaluation evaluation) {
    last = EvaluationFigures.of(evaluation);
    if (best == null || last.accuracy() > best.accuracy()) {
      best = last;
    }
  }

  void trained(long stepNanos) {
    segmentTrainNanos += stepNanos;
  }

  void trainLoss(double loss) {
    lastTrainLoss = loss;
  }

  public double wallSeconds() {
    return start.wallSeconds() + (System.nanoTime() - segmentStartNanos) / 1e9;
  }

  public double trainSeconds() {
    return start.trainSeconds() + segmentTrainNanos / 1e9;
  }

  /** Training examples per second over the whole run so far, evaluations excluded. */
  double examplesPerSecond(long stepsDone, int batchSize) {
    double seconds = trainSeconds();
    return seconds == 0 ? 0 : stepsDone * (double) batchSize / seconds;
  }

  /** The state after {@code stepsDone} updates, as a checkpoint stores it. */
  public LoopState snapshot(long stepsDone) {
    return new LoopState(stepsDone, best, last, lastTrainLoss, wallSeconds(), trainSeconds());
  }

  EvaluationFigures best() {
    return best;
  }

  EvaluationFigures last() {
    return last;
  }

  double lastTrainLoss() {
    return lastTrainLoss;
  }
}
