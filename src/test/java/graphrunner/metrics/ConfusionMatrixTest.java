package graphrunner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  // true:      0 0 0 1 1 2
  // predicted: 0 0 1 1 2 2
  private final ConfusionMatrix matrix = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
      new long[] {0, 0, 1, 1, 2, 2});

  @Test
  void countsRowsByTrueClassAndColumnsByPrediction() {
    assertEquals(2, matrix.count(0, 0));
    assertEquals(1, matrix.count(0, 1));
    assertEquals(1, matrix.count(1, 2));
  }

  @Test
  void precisionRecallAndF1ArePerClass() {
    assertEquals(1.0, matrix.precision(0), 1e-12);
    assertEquals(2.0 / 3, matrix.recall(0), 1e-12);
    assertEquals(0.8, matrix.f1(0), 1e-12);
    assertEquals(0.5, matrix.precision(2), 1e-12);
  }

  @Test
  void microF1IsTheShareClassifiedRight() {
    assertEquals(4.0 / 6, matrix.microF1(), 1e-12);
    assertEquals(4.0 / 6, matrix.accuracy(), 1e-12);
    assertEquals(6, matrix.total());
  }

  @Test
  void formatLabelsRowsAndColumnsWithClassNames() {
    String text = matrix.format();
    assertEquals(4, text.lines().count());
    assertEquals("a", text.lines().toList().get(1).substring(0, 12).strip());
  }
}
