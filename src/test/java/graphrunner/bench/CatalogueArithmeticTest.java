package graphrunner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.graph.BatchNormUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueArithmeticTest {

  @Test
  void countsTheCnnSlideMultiplyAddsFromTheGraph() {
    // conv 5×5×1→4 at 28², 5×5×4→8 at 14², 4×4×8→12 at 7², FC 588→200, 200→10
    long multiplyAdds = 28 * 28 * 4 * 25 + 14 * 14 * 8 * 25 * 4 + 7 * 7 * 12 * 16 * 8
        + 588 * 200 + 200 * 10;
    Experiment cnn = Catalogue.experiment("cnn");
    ModelFlops flops = ModelFlops.of(cnn, cnn.defaults());
    assertEquals(2.0 * multiplyAdds, flops.forwardPerExample());
    assertEquals(3, flops.passesPerUpdate());
    assertEquals(3 * 2.0 * multiplyAdds * 100, flops.trainingPerStep(100));
  }

  @Test
  void aSecondBatchNormPassCostsAFourthForwardPass() {
    Experiment bn = Catalogue.experiment("cnn-batchnorm");
    assertEquals(3, ModelFlops.of(bn, bn.defaults().withBatchNorm(BatchNormUpdate.ONE_PASS))
        .passesPerUpdate());
    assertEquals(4, ModelFlops.of(bn, bn.defaults().withBatchNorm(BatchNormUpdate.TWO_PASS))
        .passesPerUpdate());
  }

  @Test
  void evaluatesAtStepZeroEveryNStepsAndAtTheEnd() {
    assertEquals(101, CatalogueArithmetic.evaluations(10_000, 100)); // 0, 100, ..., 9900, end
    assertEquals(39, CatalogueArithmetic.evaluations(3_750, 100)); // 0, ..., 3700, end
    assertEquals(2, CatalogueArithmetic.evaluations(1, 100));
    assertEquals(0, CatalogueArithmetic.evaluations(10_000, 0));
  }

  @Test
  void anItemsTimeAtPeakIsItsTrainingAndEvaluationArithmetic() {
    Experiment softmax = Catalogue.experiment("softmax");
    var item = CatalogueArithmetic.of(softmax, 2_000, 100, 10_000);
    double forward = 2.0 * 784 * 10;
    assertEquals(2_000 * 3 * forward * 100, item.trainingFlops(), 1e-6);
    assertEquals(21 * 10_000 * forward, item.evaluationFlops(), 1e-6);
    assertEquals(item.totalFlops() / 1e9, item.secondsAt(1.0), 1e-9);
    var all = CatalogueArithmetic.total("all", List.of(item, item));
    assertEquals(4_000, all.steps());
    assertEquals(2 * item.totalFlops(), all.totalFlops(), 1e-6);
  }
}
