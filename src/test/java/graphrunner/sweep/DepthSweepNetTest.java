package graphrunner.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.experiments.Catalogue;
import graphrunner.graph.LearningRate;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class DepthSweepNetTest {

  private static Model build(long[] widths, double lrMax) {
    var net = DepthSweepNet.of(widths, lrMax);
    try (Graph g = new Graph()) {
      return net.build(Ops.create(g), new Seeds(0), net.defaults());
    }
  }

  @Test
  void theFiveLayerCellIsTheSlidesFiveLayerNet() {
    var fc5 = Catalogue.experiment("fc5-relu-decay-dropout");
    try (Graph g = new Graph()) {
      assertEquals(fc5.build(Ops.create(g), new Seeds(0), fc5.defaults()).trainableParameterCount(),
          build(DepthSweepNet.DEPTHS.get(1), 0.003).trainableParameterCount());
    }
  }

  @Test
  void eachColumnHasOneLayerRowPerWeightLayer() {
    for (long[] widths : DepthSweepNet.DEPTHS) {
      long weights = 0;
      for (int i = 1; i < widths.length; i++) {
        weights += widths[i - 1] * widths[i] + widths[i];
      }
      Model model = build(widths, 0.03);
      assertEquals(widths.length - 1, model.layers().size());
      assertEquals(weights, model.trainableParameterCount());
    }
  }

  @Test
  void everyCellDecaysFromItsRowsRateWithDropout() {
    for (double lrMax : DepthSweepNet.DECAY_STARTS) {
      var hp = DepthSweepNet.of(DepthSweepNet.DEPTHS.get(0), lrMax).defaults();
      assertEquals(LearningRate.exponentialDecay(0.0001, lrMax, 2000), hp.learningRate());
      assertEquals(0.75f, hp.pkeep());
    }
  }

  @Test
  void cellsAreNotInTheCatalogue() {
    for (long[] widths : DepthSweepNet.DEPTHS) {
      String id = DepthSweepNet.of(widths, 0.003).id();
      assertTrue(!Catalogue.ids().contains(id), id);
    }
  }
}
