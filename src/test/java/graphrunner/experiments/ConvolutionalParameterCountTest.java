package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphrunner.graph.LayerSummary;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** The parameter counts {@code describe} prints, against EXPERIMENTS.md's. */
class ConvolutionalParameterCountTest {

  private static long[] counts(String id) {
    Experiment experiment = Catalogue.experiment(id);
    try (Graph graph = new Graph()) {
      Model model = experiment.build(Ops.create(graph), new Seeds(0), experiment.defaults());
      long other = model.layers().stream().mapToLong(LayerSummary::otherParams).sum();
      return new long[] {model.trainableParameterCount(), other};
    }
  }

  @Test
  void cnnHas122270Parameters() {
    assertEquals(122_270, counts("cnn")[0]);
  }

  @Test
  void cnnDropoutHas244076Parameters() {
    assertEquals(244_076, counts("cnn-dropout")[0]);
  }

  @Test
  void cnnBatchnormHas708362ParametersAnd672MovingAverages() {
    long[] counts = counts("cnn-batchnorm");
    assertEquals(708_362, counts[0]);
    assertEquals(672, counts[1]);
  }

  @Test
  void kerasCnnHas411242ParametersAsTheDeckComputes() {
    assertEquals(160 + 8_256 + 401_536 + 1_290, counts("keras-cnn")[0]);
  }

  @Test
  void imeCnnWithValidPaddingHas217194Parameters() {
    assertEquals(320 + 9_248 + 205_056 + 2_570, counts("ime-cnn")[0]);
  }

  @Test
  void mnistCnnHas3274634Parameters() {
    assertEquals(832 + 51_264 + 3_212_288 + 10_250, counts("mnist-cnn")[0]);
  }

  @Test
  void mnistSoftmaxHasTheSoftmaxParameters() {
    assertEquals(7_850, counts("mnist-softmax")[0]);
  }

  @Test
  void mnistExperimentsReadMnist() {
    assertEquals("mnist", Catalogue.experiment("mnist-softmax").datasetId());
    assertEquals("mnist", Catalogue.experiment("mnist-cnn").datasetId());
  }

  @Test
  void mnistCnnOffersNormalXavierAndMsraWithNormalFirst() {
    var inits = Catalogue.experiment("mnist-cnn").initChoices();
    assertEquals(java.util.List.of("normal", "xavier", "msra"), java.util.List.copyOf(inits.keySet()));
    assertEquals("normal", Catalogue.experiment("mnist-cnn").defaults().init());
  }
}
