package graphrunner.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionGridTest {
  private static final List<String> CLASSES = List.of("zero", "one", "two");

  /** Six blank 28×28 images labelled 0,1,2,0,1,2; image 0 has one fully inked pixel at (0, 0). */
  private static LabeledImages sixImages() {
    byte[] pixels = new byte[6 * 28 * 28];
    pixels[0] = (byte) 255;
    return new LabeledImages(pixels, new byte[] {0, 1, 2, 0, 1, 2}, 28, 28);
  }

  @Test
  void misclassifiedImagesArePickedFirstThenCorrectOnes() {
    long[] predicted = {0, 2, 2, 1, 1, 0}; // wrong: 1, 3, 5
    assertEquals(List.of(1, 3, 5, 0, 2), PredictionGrid.pick(sixImages(), predicted, 5));
  }

  @Test
  void pickStopsAtTheMaximumEvenWhenEverythingIsWrong() {
    long[] predicted = {1, 2, 0, 1, 2, 0};
    assertEquals(List.of(0, 1), PredictionGrid.pick(sixImages(), predicted, 2));
  }

  @Test
  void gridIsTenScaledCellsWideWithCaptionsBelowEachImage() {
    var images = sixImages();
    long[] predicted = {0, 1, 2, 0, 1, 2};
    BufferedImage grid = PredictionGrid.render(images, predicted, CLASSES, List.of(0, 1, 2));
    assertEquals(10 * 56, grid.getWidth());
    assertTrue(grid.getHeight() > 56, "room for a caption under the 56-pixel image");
    assertEquals(0x000000, grid.getRGB(1, 1) & 0xFFFFFF, "inked pixel drawn dark, scaled ×2");
    assertEquals(0xFFFFFF, grid.getRGB(2, 2) & 0xFFFFFF, "blank pixel drawn as white paper");
  }

  @Test
  void captionIsGreenWhenRightAndRedWhenWrong() {
    var images = sixImages();
    long[] predicted = {0, 2, 2, 0, 1, 2}; // image 1 is wrong
    BufferedImage grid = PredictionGrid.render(images, predicted, CLASSES, List.of(0, 1));
    int cell = 56;
    assertTrue(captionHas(grid, 0, 0x008000), "correct prediction captioned in green");
    assertFalse(captionHas(grid, 0, 0xFF0000));
    assertTrue(captionHas(grid, cell, 0xFF0000), "wrong prediction captioned in red");
    assertFalse(captionHas(grid, cell, 0x008000));
  }

  private static boolean captionHas(BufferedImage grid, int cellX, int rgb) {
    for (int y = 56; y < grid.getHeight(); y++) {
      for (int x = cellX; x < cellX + 56; x++) {
        if ((grid.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
