package graphrunner.bench;

import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;

/**
 * The arithmetic one suite item does at its settings: its training updates and its evaluations
 * of the whole test set (at step 0, every {@code evalEvery} steps, and after the last update, as
 * the slides do). At the machine's MatMul peak this is a floor on the item's time that no runner
 * can beat; the convolutions of the small CNNs run far below that peak.
 */
public record CatalogueArithmetic(String id, long steps, int batchSize, long evaluations,
    double trainingFlops, double evaluationFlops) {

  public static CatalogueArithmetic of(Experiment experiment, long steps, int evalEvery,
      int testImages) {
    Hyperparameters hp = experiment.defaults().withSteps(steps);
    ModelFlops flops = ModelFlops.of(experiment, hp);
    long evaluations = evaluations(steps, evalEvery);
    return new CatalogueArithmetic(experiment.id(), steps, hp.batchSize(), evaluations,
        steps * flops.trainingPerStep(hp.batchSize()),
        evaluations * testImages * flops.forwardPerExample());
  }

  /** Evaluations of a run of {@code steps}: before every evalEvery-th update, and at the end. */
  static long evaluations(long steps, int evalEvery) {
    return evalEvery <= 0 ? 0 : (steps + evalEvery - 1) / evalEvery + 1;
  }

  public double totalFlops() {
    return trainingFlops + evaluationFlops;
  }

  /** Seconds this arithmetic takes at {@code gflops}. */
  public double secondsAt(double gflops) {
    return totalFlops() / (gflops * 1e9);
  }

  /** The items' sum, as one row named {@code id}. */
  public static CatalogueArithmetic total(String id, Iterable<CatalogueArithmetic> items) {
    long steps = 0;
    long evaluations = 0;
    double training = 0;
    double evaluation = 0;
    for (CatalogueArithmetic item : items) {
      steps += item.steps;
      evaluations += item.evaluations;
      training += item.trainingFlops;
      evaluation += item.evaluationFlops;
    }
    return new CatalogueArithmetic(id, steps, 0, evaluations, training, evaluation);
  }
}
