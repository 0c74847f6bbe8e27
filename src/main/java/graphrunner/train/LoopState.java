package graphrunner.train;

/**
 * Where a training loop stands after {@code step} updates: what a checkpoint stores beside the
 * variables, so that a resumed run reports the same maximum, losses and times as one that was
 * never interrupted.
 *
 * @param best the best evaluation so far (null before the first)
 * @param last the latest evaluation (null before the first)
 * @param lastTrainLoss the latest training-batch loss fetched (NaN before the first)
 * @param wallSeconds wall time of every segment of the run so far
 * @param trainSeconds training time (evaluations excluded) of every segment so far
 */
public record LoopState(long step, EvaluationFigures best, EvaluationFigures last,
    double lastTrainLoss, double wallSeconds, double trainSeconds) {

  /** A run that has not started. */
  public static LoopState fresh() {
    return new LoopState(0, null, null, Double.NaN, 0, 0);
  }
}
