package graphrunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    var curves = new RunCurves(curve(0.1), curve(0.0, Double.NaN, 3.0), curve(), curve(-1, 2),
        curve(), Optional.empty());
    decode(Charts.loss("x", curves));
  }

  @Test
  void heatMapRendersEveryCell() throws Exception {
    var rows = java.util.List.of("a", "b");
    decode(Charts.heatMap("t", rows, rows, new double[][] {{1, 2}, {3, 4}}, "0"));
  }
}
