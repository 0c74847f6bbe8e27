package graphrunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlideComparisonTest {

  @Test
  void slideFiguresAreReadAsFractions() {
    assertEquals(0.8313, SlideComparison.slideFraction("83.13 %"), 1e-9);
    assertEquals(0.82, SlideComparison.slideFraction("0.82 (notebook)"), 1e-9);
    assertEquals(0.92, SlideComparison.slideFraction("≈ 92 %"), 1e-9);
    assertTrue(Double.isNaN(SlideComparison.slideFraction("—")));
  }

  @Test
  void marksSayReachedWithinHalfAPointOrBelow() {
    assertEquals("reached", SlideComparison.mark(0.9338, 0.9314));
    assertEquals("within 0.5 pp", SlideComparison.mark(0.8938, 0.8949));
    assertEquals("below", SlideComparison.mark(0.7937, 0.80));
    assertEquals("no slide figure", SlideComparison.mark(0.91, Double.NaN));
    assertEquals(-1.1, SlideComparison.differencePoints(0.8938, 0.9048), 1e-9);
  }
}
