package graphrunner.train.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.train.Evaluation;
import graphrunner.train.RunConfig;
import graphrunner.train.RunContext;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed midway has a summary.json that says how far it got. */
class SummaryJsonProgressTest {
  @TempDir Path data;
  @TempDir Path runDir;

  @Test
  void everyEvaluationRecordsTheStepsDoneAndTheBestAccuracySoFar() throws Exception {
    TinyIdx.writeDataset(data, 300, 100, 5);
    var tiny = DataSplitsReader.read(Dataset.FASHION_MNIST, DatasetFolder.require(data, "test"));
    var experiment = Catalogue.experiment("softmax");
    var config = RunConfig.of(experiment.defaults().withSteps(60).withBatchSize(20), 3)
        .withEvalEvery(20);
    List<double[]> evaluated = new ArrayList<>(); // step, accuracy
    List<JsonObject> seenOnDisk = new ArrayList<>();
    TrainingListener probe = new TrainingListener() {
      @Override
      public void onEvaluation(RunContext run, Evaluation evaluation) {
        evaluated.add(new double[] {evaluation.step(), evaluation.accuracy()});
        seenOnDisk.add(SummaryJson.read(runDir)); // what a SIGKILL now would leave
      }
    };
    var writer = new SummaryJsonWriter(runDir, List.of("softmax"));
    new Trainer(List.of(writer, probe), () -> false).train(experiment, tiny, config,
        SessionFactory.forRun(config, () -> {}), Optional.empty());

    assertEquals(4, seenOnDisk.size(), "evaluations at steps 0, 20, 40 and 60");
    double best = -1;
    for (int i = 0; i < seenOnDisk.size(); i++) {
      JsonObject summary = seenOnDisk.get(i);
      assertEquals("running", summary.get("status").getAsString());
      assertEquals((long) evaluated.get(i)[0], summary.get("steps").getAsLong());
      best = Math.max(best, evaluated.get(i)[1]);
      assertEquals(best, summary.get("max_test_accuracy").getAsDouble());
      long bestStep = summary.get("max_test_accuracy_step").getAsLong();
      assertTrue(evaluated.stream().anyMatch(e -> e[0] == bestStep && e[1] == summary.get(
          "max_test_accuracy").getAsDouble()), "the step of that accuracy");
    }
  }
}
