package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.ExitCode;
import graphrunner.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's experiments as built graphs: the parameter counts the slides state, counted
 * from the variables in the graph (and matching what {@code describe} prints), and the slide's
 * node names.
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
  void everyTrainableExperimentBuildsATenClassClassifierWhoseSummaryMatchesItsGraph() {
    for (Experiment e : Catalogue.all()) {
      if (!e.trains()) {
        continue;
      }
      var built = BuiltGraph.of(e.id());
      assertEquals(List.of(-1L, 10L), built.logits(), e.id());
      assertEquals(List.of(-1L, 10L), built.probabilities(), e.id());
      assertTrue(built.trainableInGraph() > 0, e.id());
      assertEquals(built.trainableInGraph(), built.describedTrainable(), e.id());
      assertEquals(built.otherFloatsInGraph(), built.describedOther(), e.id());
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
    var error = assertThrows(UserError.class, () -> Catalogue.create("fc5-rellu"));
    assertEquals(ExitCode.USAGE, error.exitCode());
    assertTrue(error.getMessage().contains("did you mean 'fc5-relu'?"), error.getMessage());
  }
}
