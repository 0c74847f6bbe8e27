package graphrunner.train;

/**
 * The figures of one test-set evaluation, without the per-image predictions: what a checkpoint
 * and summary.json keep of it.
 */
public record EvaluationFigures(long step, double loss, double accuracy) {

  static EvaluationFigures of(Evaluation e) {
    return new EvaluationFigures(e.step(), e.loss(), e.accuracy());
  }
}
