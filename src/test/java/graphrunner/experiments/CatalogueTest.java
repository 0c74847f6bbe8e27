package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.NothingToTrain;
import graphrunner.UnknownExperiment;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.sweep.DepthSweepNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;

/**
 * The catalogue's experiments as built graphs: the parameter counts the slides state, counted
 * from the variables in the graph (and matching what {@code describe} prints), the slide's node
 * names; and the catalogue as values that build any number of graphs.
 */
class CatalogueTest {

  @Test
  void fc5ReluHoldsTheSlides185300WeightsAndBiases() {
    var fc5 = BuiltGraph.of("fc5-relu");
    assertEquals(185_300, fc5.trainableInGraph());
    assertEquals(fc5.trainableInGraph(), fc5.describedTrainable());
  }

  @Test
  void softmaxHoldsOne784By10LayerOf7850Parameters() {
    var softmax = BuiltGraph.of("softmax");
    assertEquals(784 * 10 + 10, softmax.trainableInGraph());
    assertEquals(softmax.trainableInGraph(), softmax.describedTrainable());
  }

  @Test
  void dfnHoldsTheNotebooksThreeDenseLayersOf128() {
    var dfn = BuiltGraph.of("dfn");
    assertEquals(784 * 128 + 128 + 2 * (128 * 128 + 128) + 128 * 10 + 10,
        dfn.trainableInGraph());
    assertEquals(dfn.trainableInGraph(), dfn.describedTrainable());
  }

  @Test
  void everyExperimentBuildsATenClassClassifierWithTheSlidesInputsWhoseSummaryMatchesItsGraph() {
    for (Experiment e : Catalogue.experiments()) {
      var built = BuiltGraph.of(e.id());
      assertEquals(List.of(-1L, 10L), built.logits(), e.id());
      assertEquals(List.of(-1L, 10L), built.probabilities(), e.id());
      assertTrue(built.opNames().containsAll(List.of("X", "Y_", "Y")), e.id());
      assertTrue(built.trainableInGraph() > 0, e.id());
      assertEquals(built.trainableInGraph(), built.describedTrainable(), e.id());
      assertEquals(built.otherFloatsInGraph(), built.describedOther(), e.id());
    }
  }

  @Test
  void oneCatalogueValueBuildsTheSameGraphEveryTime() {
    // the entry is a description, not graph state: it can build any number of graphs
    for (Experiment e : Catalogue.experiments()) {
      assertEquals(nodes(e), nodes(e), e.id());
    }
  }

  /** Their default threads hang on it (Tuning), so the declaration must say what the graph is. */
  @Test
  void anExperimentIsDeclaredConvolutionalExactlyWhenItsGraphHasConvolutions() {
    var experiments = new ArrayList<>(Catalogue.experiments());
    experiments.add(DepthSweepNet.of(DepthSweepNet.DEPTHS.get(2), 0.003));
    for (Experiment e : experiments) {
      boolean convolutions = nodes(e).stream()
          .anyMatch(node -> node.split(" ")[1].equals("Conv2D"));
      assertEquals(convolutions, e.convolutional(), e.id());
    }
    assertTrue(Catalogue.experiment("cnn").convolutional(), "the control: cnn has convolutions");
  }

  /**
   * TF1's MaxPool, not TF Java's MaxPoolV2: oneDNN runs MaxPool and its gradient, but leaves
   * MaxPoolGradV2 to a kernel about five times slower (see SlideGraph.maxPool).
   */
  @Test
  void poolingIsTheMaxPoolThatOneDnnRuns() {
    for (String id : List.of("keras-cnn", "mnist-cnn", "ime-cnn")) {
      List<String> types = nodes(Catalogue.experiment(id)).stream()
          .map(node -> node.split(" ")[1]).toList();
      assertEquals(2, types.stream().filter("MaxPool"::equals).count(), id);
      assertFalse(types.contains("MaxPoolV2"), id);
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
    var names = BuiltGraph.of("fc5-relu-decay-dropout").opNames();
    for (String name : new String[] {"X", "Y_", "pkeep", "layer1/W1", "layer1/B1",
        "layer5/W5", "Y", "loss/cross_entropy", "accuracy/accuracy"}) {
      assertTrue(names.contains(name), name + " missing from " + names);
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
