package graphrunner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.experiments.Catalogue;
import graphrunner.graph.VariablePlacement;
import graphrunner.train.RunConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;

/** Where a trainer's graph puts things, checked on the graph alone (no server needed). */
class ReplicaGraphTest {
  private static final TfConfig TWO_PS = TfConfig.fromFlags(
      "ps=127.0.0.1:1,127.0.0.1:2;worker=127.0.0.1:3,127.0.0.1:4", "worker:1");

  private static String device(Graph graph, String op) {
    return graph.operationOrThrow(op).device();
  }

  @Test
  void variablesGoRoundRobinOverTheParameterServersAndComputeStaysOnTheWorker() {
    var experiment = Catalogue.experiment("fc5-relu");
    try (Graph graph = new Graph()) {
      ReplicaGraph.build(graph, experiment, RunConfig.of(experiment.defaults(), 1), TWO_PS);
      assertEquals("/job:ps/task:0/device:CPU:0", device(graph, "layer1/W1"));
      assertEquals("/job:ps/task:1/device:CPU:0", device(graph, "layer1/B1"));
      assertEquals("/job:ps/task:0/device:CPU:0", device(graph, "global_step")); // the 11th
      // slots beside their variable, Adam's powers beside the first one
      assertEquals("/job:ps/task:1/device:CPU:0", device(graph, "train/layer1_B1_m"));
      assertEquals("/job:ps/task:0/device:CPU:0", device(graph, "train/beta1_power"));
      assertEquals("/job:worker/task:1/device:CPU:0", device(graph, "Y"));
    }
  }

  @Test
  void movingAveragesAreVariablesOfTheParameterServersToo() {
    var experiment = Catalogue.experiment("cnn-batchnorm");
    try (Graph graph = new Graph()) {
      ReplicaGraph.build(graph, experiment, RunConfig.of(experiment.defaults(), 1), TWO_PS);
      graph.operations().forEachRemaining(op -> {
        if (op.type().equals("VariableV2")) {
          assertTrue(op.device().startsWith("/job:ps/task:"), op.name() + " on " + op.device());
        }
      });
    }
  }

  @Test
  void deviceStringsReadBackAsTheSpecTheyCameFrom() {
    for (var entry : Map.of("/job:ps/task:1/device:CPU:0", "/job:ps/task:1/device:CPU:0",
        "/job:worker/replica:0/task:2/device:GPU:1", "/job:worker/replica:0/task:2/device:GPU:1",
        "/device:CPU:0", "/device:CPU:0").entrySet()) {
      assertEquals(entry.getValue(), VariablePlacement.parse(entry.getKey()).toString());
    }
  }
}
