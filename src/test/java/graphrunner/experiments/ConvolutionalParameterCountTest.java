package graphrunner.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parameter counts the decks and EXPERIMENTS.md state, counted from the variables of the
 * built graph; {@code describe} must print the same numbers.
 */
class ConvolutionalParameterCountTest {

  @ParameterizedTest(name = "{0}: {1} trainable, {2} moving averages")
  @CsvSource({
      "cnn,           122270,  0",
      "cnn-dropout,   244076,  0",
      // moving mean and variance of 24 + 48 + 64 + 200 channels
      "cnn-batchnorm, 708362,  672",
      // deck 002: 160 + 8,256 + 401,536 + 1,290
      "keras-cnn,     411242,  0",
      // VALID padding: 320 + 9,248 + 205,056 + 2,570
      "ime-cnn,       217194,  0",
      // 832 + 51,264 + 3,212,288 + 10,250
      "mnist-cnn,     3274634, 0",
      "mnist-softmax, 7850,    0"})
  void theGraphHoldsTheStatedParametersAndDescribeCountsThem(String id, long trainable,
      long movingAverages) {
    var built = BuiltGraph.of(id);
    assertEquals(trainable, built.trainableInGraph(), "trainable floats in the graph");
    assertEquals(movingAverages, built.otherFloatsInGraph(), "other floats in the graph");
    assertEquals(trainable, built.describedTrainable(), "describe's trainable count");
    assertEquals(movingAverages, built.describedOther(), "describe's non-trainable count");
  }
}
