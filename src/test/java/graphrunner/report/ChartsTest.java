package graphrunner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

  private static TreeMap<Long, Double> curve(double... values) {
    var curve = new TreeMap<Long, Double>();
    for (int i = 0; i < values.length; i++) {
      curve.put(100L * i, values[i]);
    }
    return curve;
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image);
    return image;
  }

  @Test
  void lossChartKeepsAHugeFirstEvaluationOffScale() throws Exception {
    // cnn-batchnorm's first test loss is around 1e12, the rest around 20-40
    var curves = new RunCurves(curve(0.1, 0.8, 0.9), curve(1.2e12, 40, 25), curve(0.5, 0.9),
        curve(230, 30), curve(0.02, 0.015), Optional.empty());
    BufferedImage image = decode(Charts.loss("cnn-batchnorm", curves));
    assertEquals(600, image.getWidth());
  }

  @Test
  void nonPositiveAndNonFiniteLossesAreLeftOut() throws Exception {
    var withBadPoints = new RunCurves(curve(0.1), curve(0.0, Double.NaN, 3.0), curve(),
        curve(-1, 2), curve(), Optional.empty());
    var withoutThem = new RunCurves(curve(0.1), new TreeMap<>(java.util.Map.of(200L, 3.0)),
        curve(), new TreeMap<>(java.util.Map.of(100L, 2.0)), curve(), Optional.empty());
    assertArrayEquals(pixels(decode(Charts.loss("x", withoutThem))),
        pixels(decode(Charts.loss("x", withBadPoints))));
  }

  @Test
  void heatMapDrawsEachCellWhereItsValueIs() throws Exception {
    var rows = java.util.List.of("a", "b");
    var images = new java.util.ArrayList<int[]>();
    for (int cell = 0; cell < 4; cell++) {
      double[][] values = {{1, 1}, {1, 1}};
      values[cell / 2][cell % 2] = 9; // the same values, hence the same scale, in other places
      int[] image = pixels(decode(Charts.heatMap("t", rows, rows, values, "0")));
      for (int other = 0; other < cell; other++) {
        assertFalse(java.util.Arrays.equals(images.get(other), image), cell + " vs " + other);
      }
      images.add(image);
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
