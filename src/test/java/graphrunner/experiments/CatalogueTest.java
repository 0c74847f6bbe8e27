package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.UnknownExperiment;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;

class CatalogueTest {

  private static Model build(String id) {
    Graph g = new Graph();
    try {
      var e = Catalogue.create(id);
      return e.build(Ops.create(g), new Seeds(0), e.defaults());
    } finally {
      g.close();
    }
  }

  @Test
  void fc5ReluHas185300TrainableParameters() {
    assertEquals(784 * 200 + 200 + 200 * 100 + 100 + 100 * 60 + 60 + 60 * 30 + 30 + 30 * 10 + 10,
        build("fc5-relu").trainableParameterCount());
    assertEquals(185_300, build("fc5-relu").trainableParameterCount());
  }

  @Test
  void softmaxHas7850Parameters() {
    assertEquals(7_850, build("softmax").trainableParameterCount());
  }

  @Test
  void dfnHasTheNotebooksLayers() {
    assertEquals(784 * 128 + 128 + 2 * (128 * 128 + 128) + 128 * 10 + 10,
        build("dfn").trainableParameterCount());
  }

  @Test
  void everyTrainableExperimentBuildsAClassifier() {
    for (Experiment e : Catalogue.all()) {
      if (e.trains()) {
        assertNotNull(build(e.id()), e.id());
        assertTrue(e.defaults().steps() > 0, e.id());
      }
    }
  }

  @Test
  void nodesCarryTheSlideNames() {
    try (Graph g = new Graph()) {
      var e = Catalogue.create("fc5-relu-decay-dropout");
      e.build(Ops.create(g), new Seeds(0), e.defaults());
      Set<String> names = java.util.stream.StreamSupport.stream(
              java.util.Spliterators.spliteratorUnknownSize(g.operations(), 0), false)
          .map(GraphOperation::name).collect(Collectors.toSet());
      for (String name : new String[] {"X", "Y_", "pkeep", "layer1/W1", "layer1/B1",
          "layer5/W5", "Y", "loss/cross_entropy", "accuracy/accuracy"}) {
        assertTrue(names.contains(name), name + " missing from " + names);
      }
    }
  }

  @Test
  void unknownExperimentSuggestsTheNearestId() {
    var error = assertThrows(UnknownExperiment.class, () -> Catalogue.create("fc5-rellu"));
    assertTrue(error.getMessage().contains("did you mean 'fc5-relu'?"), error.getMessage());
  }

  @Test
  void graphIntroBuildsWithoutAModel() {
    var intro = Catalogue.create("graph-intro");
    assertEquals(false, intro.trains());
  }
}
