package graphrunner.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.listener.TensorBoardListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.Summary;

/** A short fc5-relu-decay run's TensorBoard logs, read back record by record. */
class TrainingLogsTest {
  @TempDir static Path data;
  @TempDir static Path runDir;
  static List<Event> train;
  static List<Event> test;

  @BeforeAll
  static void trainAndReadLogs() throws Exception {
    TinyIdx.writeDataset(data, 400, 100, 2);
    var splits = DataSplitsReader.read(Dataset.FASHION_MNIST, DatasetFolder.require(data, "t"));
    var experiment = Catalogue.experiment("fc5-relu-decay-dropout");
    var config = RunConfig.of(experiment.defaults().withSteps(130), 3).withEvalEvery(50);
    new Trainer(List.of(new TensorBoardListener(runDir, 40)), () -> false)
        .train(experiment, splits, config, SessionFactory.forRun(config, () -> {}));
    train = EventFileReader.readDir(runDir.resolve("train"));
    test = EventFileReader.readDir(runDir.resolve("test"));
  }

  @Test
  void trainLogHoldsTheGraphWithReadableScopes() throws Exception {
    var graphEvent = train.stream().filter(Event::hasGraphDef).findFirst().orElseThrow();
    Set<String> names = GraphDef.parseFrom(graphEvent.getGraphDef()).getNodeList().stream()
        .map(NodeDef::getName).collect(Collectors.toSet());
    for (String name : List.of("X", "Y_", "pkeep", "layer1/W1", "layer1/B1", "layer1/dropout/Mul",
        "loss/cross_entropy", "accuracy/accuracy", "lr/learning_rate", "lr/step", "global_step",
        "train/step")) {
      assertTrue(names.contains(name), name);
    }
  }

  @Test
  void eachVariablesInitialiserAndAssignSitInItsScope() throws Exception {
    var graphEvent = train.stream().filter(Event::hasGraphDef).findFirst().orElseThrow();
    var nodes = GraphDef.parseFrom(graphEvent.getGraphDef()).getNodeList();
    Set<String> names = nodes.stream().map(NodeDef::getName).collect(Collectors.toSet());
    for (String name : List.of("layer1/W1/Assign", "layer1/W1/Initializer/TruncatedNormal",
        "layer1/B1/Assign", "global_step/Assign", "global_step/Initializer/Const")) {
      assertTrue(names.contains(name), name);
    }
    for (NodeDef node : nodes) {
      if (node.getOp().equals("VariableV2")) { // Adam's slots and powers included
        assertTrue(names.contains(node.getName() + "/Assign"), node.getName());
        assertFalse(names.contains(node.getName() + "_1"), node.getName());
      }
    }
  }

  @Test
  void everyScalarTagIsLogged() {
    for (String tag : List.of("loss", "accuracy", "learning_rate")) {
      assertFalse(EventFileReader.scalars(train, tag).isEmpty(), "train " + tag);
    }
    assertEquals(Set.of(0L, 50L, 100L, 130L), EventFileReader.scalars(test, "accuracy").keySet());
    assertEquals(Set.of(0L, 50L, 100L, 130L), EventFileReader.scalars(test, "loss").keySet());
  }

  @Test
  void learningRatesMatchTheDecayFormulaAtEveryLoggedStep() {
    Map<Long, Float> rates = EventFileReader.scalars(train, "learning_rate");
    assertTrue(rates.size() >= 6, rates.toString());
    // logged at the number of updates done, s: the rate the s-th update used, lr(s - 1)
    rates.forEach((step, lr) ->
        assertEquals(0.0001 + 0.003 * Math.exp(-(step - 1) / 2000.0), lr, 1e-6, "step " + step));
  }

  @Test
  void trainAndTestScalarsLineUpAtTheNumberOfUpdatesDone() {
    // train metrics come every 20 updates and at the last; the test set every 50 and at the end
    Set<Long> trainSteps = EventFileReader.scalars(train, "loss").keySet();
    assertTrue(trainSteps.contains(100L) && trainSteps.contains(130L), trainSteps.toString());
    assertTrue(EventFileReader.scalars(train, "accuracy").containsKey(130L));
    assertFalse(trainSteps.contains(99L) || trainSteps.contains(129L), trainSteps.toString());
  }

  @Test
  void histogramsFollowTheirOwnCadenceNotTheEvaluations() {
    Set<Long> steps = train.stream().filter(e -> e.hasSummary()
            && e.getSummary().getValue(0).getTag().equals("layer1/W1")
            && e.getSummary().getValue(0).hasHisto())
        .map(Event::getStep).collect(Collectors.toSet());
    assertEquals(Set.of(0L, 40L, 80L, 120L, 130L), steps);
  }

  @Test
  void histogramsCoverEveryWeightAndBias() {
    Set<String> tags = EventFileReader.values(train, Summary.Value.ValueCase.HISTO).stream()
        .map(Summary.Value::getTag).collect(Collectors.toSet());
    for (int i = 1; i <= 5; i++) {
      assertTrue(tags.contains("layer" + i + "/W" + i), tags.toString());
      assertTrue(tags.contains("layer" + i + "/B" + i), tags.toString());
    }
  }

  @Test
  void eachEvaluationLogsAPredictionGrid() {
    var images = EventFileReader.values(test, Summary.Value.ValueCase.IMAGE);
    assertEquals(4, images.size());
    assertTrue(images.get(0).getImage().getWidth() > 0);
  }
}
