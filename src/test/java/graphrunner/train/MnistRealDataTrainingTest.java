package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.data.RealData;
import graphrunner.experiments.Catalogue;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deck 004 on the real MNIST digits ($GRAPH_RUNNER_DATA/mnist, which CI has): a short run, like
 * {@link RealDataTrainingTest}'s on Fashion-MNIST. Skipped, visibly, without the data.
 */
@Tag("slow") // training on the real data
class MnistRealDataTrainingTest {

  @Test
  void mnistSoftmaxPasses85PercentWithin500Steps() {
    DataSplits digits = RealData.loadOrSkip(Dataset.MNIST);
    var config = RunConfig.of(Catalogue.experiment("mnist-softmax").defaults().withSteps(500), 1)
        .withEvalEvery(250);
    var result = new Trainer(List.of(), () -> false).train(Catalogue.experiment("mnist-softmax"),
        digits, config, SessionFactory.forRun(config, () -> {}));
    assertTrue(result.maxTestAccuracy() > 0.85, "max test accuracy " + result.maxTestAccuracy());
  }
}
