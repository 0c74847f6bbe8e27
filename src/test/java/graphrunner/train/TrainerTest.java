package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.TrainingDiverged;
import graphrunner.data.DataSplits;
import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.graph.LearningRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir static Path dataDir;
  static DataSplits tiny;

  @BeforeAll
  static void writeTinyData() throws Exception {
    TinyIdx.writeDataset(dataDir, 600, 200, 7);
    tiny = DataSplitsReader.read(Dataset.FASHION_MNIST, DatasetFolder.require(dataDir, "test"));
  }

  /** Records what the loop reports. */
  static final class Recorder implements TrainingListener {
    final List<Long> evaluatedAt = new ArrayList<>();
    final List<Double> learningRates = new ArrayList<>();
    final List<Long> metricSteps = new ArrayList<>();
    TrainingResult result;

    @Override
    public void onTrainingMetrics(RunContext run, TrainingMetrics m) {
      metricSteps.add(m.step());
      learningRates.add(m.learningRate());
    }

    @Override
    public void onEvaluation(RunContext run, Evaluation e) {
      evaluatedAt.add(e.step());
    }

    @Override
    public void onEnd(RunContext run, TrainingResult r) {
      result = r;
    }
  }

  private static TrainingResult train(String id, RunConfig config, Recorder recorder) {
    return new Trainer(List.of(recorder), () -> false).train(Catalogue.experiment(id), tiny, config,
        SessionFactory.forRun(config, () -> {}));
  }

  private static RunConfig config(String id, long steps, long seed) {
    return RunConfig.of(Catalogue.experiment(id).defaults().withSteps(steps), seed)
        .withEvalEvery(50);
  }

  @Test
  void fc5LearnsTheTinyDataSet() {
    var result = train("fc5-relu-decay", config("fc5-relu-decay", 300, 1), new Recorder());
    assertEquals("completed", result.status());
    assertTrue(result.maxTestAccuracy() > 0.9, "max accuracy " + result.maxTestAccuracy());
  }

  @Tag("slow")
  @Test
  void sameSeedRepeatsBitForBit() {
    var first = train("fc5-relu-decay-dropout", config("fc5-relu-decay-dropout", 120, 5),
        new Recorder());
    var second = train("fc5-relu-decay-dropout", config("fc5-relu-decay-dropout", 120, 5),
        new Recorder());
    assertEquals(first.finalTrainLoss(), second.finalTrainLoss());
    assertEquals(first.finalTestLoss(), second.finalTestLoss());
    assertEquals(first.finalTestAccuracy(), second.finalTestAccuracy());
  }

  @Tag("slow")
  @Test
  void otherSeedsGiveOtherRuns() {
    var first = train("fc5-relu", config("fc5-relu", 60, 5), new Recorder());
    var second = train("fc5-relu", config("fc5-relu", 60, 6), new Recorder());
    assertTrue(first.finalTrainLoss() != second.finalTrainLoss());
  }

  @Test
  void evaluatesAtStepZeroEveryNStepsAndAfterTheLastUpdate() {
    var recorder = new Recorder();
    train("softmax", config("softmax", 120, 1), recorder);
    assertEquals(List.of(0L, 50L, 100L, 120L), recorder.evaluatedAt);
    assertEquals(120, recorder.result.steps());
  }

  @Test
  void learningRateFetchedDuringTrainingFollowsTheDecay() {
    var recorder = new Recorder();
    train("fc5-relu-decay", config("fc5-relu-decay", 100, 1), recorder);
    var decay = LearningRate.exponentialDecay(0.0001, 0.003, 2000);
    for (int i = 0; i < recorder.metricSteps.size(); i++) {
      // metrics after update k report the rate that update used: lr(k - 1)
      long updateStep = recorder.metricSteps.get(i) - 1;
      assertEquals(decay.at(updateStep), recorder.learningRates.get(i), 1e-7);
    }
  }

  @Tag("slow")
  @Test
  void explodingLossIsTrainingDiverged() {
    var hp = Catalogue.experiment("fc5-relu").defaults().withSteps(200)
        .withLearningRate(LearningRate.constant(1e30));
    var error = assertThrows(TrainingDiverged.class,
        () -> train("fc5-relu", RunConfig.of(hp, 1).withEvalEvery(50), new Recorder()));
    assertTrue(error.getMessage().startsWith("training diverged at step"), error.getMessage());
  }

  @Test
  void stopRequestEndsTheRunAsInterrupted() {
    var recorder = new Recorder();
    var config = config("softmax", 1000, 1);
    var result = new Trainer(List.of(recorder), () -> recorder.evaluatedAt.size() >= 2)
        .train(Catalogue.experiment("softmax"), tiny, config,
            SessionFactory.forRun(config, () -> {}));
    assertEquals("interrupted", result.status());
    assertTrue(result.steps() < 1000);
  }
}
