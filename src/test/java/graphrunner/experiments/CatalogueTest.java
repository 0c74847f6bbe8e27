package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.NothingToTrain;
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
      var e = Catalogue.experiment(id);
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
  void everyExperimentBuildsAClassifierWithTheSlidesInputsAndOutputs() {
    for (Experiment e : Catalogue.experiments()) {
      try (Graph g = new Graph()) {
        Model model = e.build(Ops.create(g), new Seeds(0), e.defaults());
        assertEquals("X", model.images().op().name(), e.id());
        assertEquals("Y_", model.labels().op().name(), e.id());
        assertEquals("Y", model.probabilities().op().name(), e.id());
        assertTrue(model.trainableParameterCount() > 0, e.id());
        assertTrue(e.defaults().steps() > 0, e.id());
      }
    }
  }

  @Test
  void oneCatalogueValueBuildsTheSameGraphEveryTime() {
    // the entry is a description, not graph state: it can build any number of graphs
    for (Experiment e : Catalogue.experiments()) {
      assertEquals(nodes(e), nodes(e), e.id());
    }
  }

  @Test
  void listingEveryEntryNeedsNoGraph() {
    assertEquals(Catalogue.ids(), Catalogue.entries().stream().map(CatalogueEntry::id).toList());
    assertEquals(Catalogue.ids().size(), Set.copyOf(Catalogue.ids()).size(), "ids are unique");
  }

  /** The graph's nodes in creation order: name, op type, first output's shape. */
  private static java.util.List<String> nodes(Experiment e) {
    try (Graph g = new Graph()) {
      e.build(Ops.create(g), new Seeds(7), e.defaults());
      var nodes = new java.util.ArrayList<String>();
      g.operations().forEachRemaining(op -> nodes.add(op.name() + " " + op.type() + " "
          + (op.numOutputs() > 0 ? ((GraphOperation) op).output(0).shape() : "")));
      return nodes;
    }
  }

  @Test
  void nodesCarryTheSlideNames() {
    try (Graph g = new Graph()) {
      var e = Catalogue.experiment("fc5-relu-decay-dropout");
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
    var error = assertThrows(UnknownExperiment.class, () -> Catalogue.experiment("fc5-rellu"));
    assertTrue(error.getMessage().contains("did you mean 'fc5-relu'?"), error.getMessage());
  }

  @Test
  void graphIntroIsListedButOnlyToLookAt() {
    assertTrue(Catalogue.ids().contains("graph-intro"));
    assertInstanceOf(LookOnlyGraph.class, Catalogue.entry("graph-intro"));
    assertTrue(Catalogue.experiments().stream().noneMatch(e -> e.id().equals("graph-intro")));
    var error = assertThrows(NothingToTrain.class, () -> Catalogue.experiment("graph-intro"));
    assertTrue(error.getMessage().contains("nothing to train"), error.getMessage());
  }

  @Test
  void graphIntroDrawsTheSlidesNodes() {
    try (Graph g = new Graph()) {
      var ends = ((LookOnlyGraph) Catalogue.entry("graph-intro")).draw(Ops.create(g));
      assertEquals("x", ends.input().op().name());
      assertEquals("y_hat", ends.output().op().name());
      for (String name : new String[] {"W1", "v", "h", "W2", "z"}) {
        assertNotNull(g.operation(name), name);
      }
    }
  }

  @Test
  void anInitialiserTheExperimentDoesNotOfferIsRefused() {
    var mnistCnn = Catalogue.experiment("mnist-cnn");
    try (Graph g = new Graph()) {
      var error = assertThrows(IllegalArgumentException.class, () -> mnistCnn.build(
          Ops.create(g), new Seeds(0), mnistCnn.defaults().withInit("glorot")));
      assertTrue(error.getMessage().contains("glorot"), error.getMessage());
    }
  }
}
