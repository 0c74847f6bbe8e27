package graphrunner.images;

import graphrunner.CorruptData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns a PNG or JPEG into the model's input: 28×28 grayscale in [0, 1], light ink on a dark
 * background as in (Fashion-)MNIST. A picture with a light background (a photo, a drawing on white
 * paper) is inverted.
 */
public final class ImageFiles {
  public static final int SIDE = 28;

  private ImageFiles() {}

  /** The image as 784 floats; {@code inverted[0]} says whether it was inverted. */
  public static float[] read(Path file, boolean[] inverted) {
    BufferedImage source;
    try {
      source = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new CorruptData(file + ": cannot read image: " + e.getMessage());
    }
    if (source == null) {
      throw new CorruptData(file + ": not a PNG or JPEG image");
    }
    var gray = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, SIDE, SIDE, null);
    } finally {
      g.dispose();
    }
    float[] pixels = new float[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        pixels[y * SIDE + x] = (gray.getRaster().getSample(x, y, 0)) / 255f;
      }
    }
    inverted[0] = borderMean(pixels) > 0.5f;
    if (inverted[0]) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = 1f - pixels[i];
      }
    }
    return pixels;
  }

  private static float borderMean(float[] pixels) {
    float sum = 0;
    for (int i = 0; i < SIDE; i++) {
      sum += pixels[i] + pixels[(SIDE - 1) * SIDE + i] + pixels[i * SIDE] + pixels[i * SIDE + SIDE - 1];
    }
    return sum / (4 * SIDE);
  }
}
