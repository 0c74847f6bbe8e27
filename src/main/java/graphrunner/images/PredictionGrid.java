package graphrunner.images;

import graphrunner.data.LabeledImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The slides' view of the test set: a grid of images, misclassified ones first, each captioned
 * with its predicted class, red when wrong (with the true class) and green when right.
 */
public final class PredictionGrid {
  private static final int SCALE = 2;
  private static final int CAPTION = 22;
  private static final int COLUMNS = 10;

  private PredictionGrid() {}

  /** Up to {@code max} indices: every misclassified image first, then correct ones. */
  public static List<Integer> pick(LabeledImages images, long[] predicted, int max) {
    List<Integer> wrong = new ArrayList<>();
    List<Integer> right = new ArrayList<>();
    for (int i = 0; i < predicted.length && wrong.size() < max; i++) {
      (predicted[i] == images.label(i) ? right : wrong).add(i);
    }
    List<Integer> picked = new ArrayList<>(wrong);
    for (int i = 0; picked.size() < max && i < right.size(); i++) {
      picked.add(right.get(i));
    }
    return picked;
  }

  public static BufferedImage render(LabeledImages images, long[] predicted,
      List<String> classNames, List<Integer> indices) {
    int cellWidth = images.cols() * SCALE;
    int cellHeight = images.rows() * SCALE + CAPTION;
    int rows = Math.max(1, (indices.size() + COLUMNS - 1) / COLUMNS);
    var grid = new BufferedImage(COLUMNS * cellWidth, rows * cellHeight,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
      for (int n = 0; n < indices.size(); n++) {
        int x = (n % COLUMNS) * cellWidth;
        int y = (n / COLUMNS) * cellHeight;
        int image = indices.get(n);
        drawImage(grid, images, image, x, y);
        int truth = images.label(image);
        int guess = (int) predicted[image];
        g.setColor(guess == truth ? new Color(0, 128, 0) : Color.RED);
        g.drawString(shortName(classNames.get(guess)), x + 2, y + images.rows() * SCALE + 9);
        if (guess != truth) {
          g.setColor(Color.DARK_GRAY);
          g.drawString("(" + shortName(classNames.get(truth)) + ")", x + 2,
              y + images.rows() * SCALE + 19);
        }
      }
    } finally {
      g.dispose();
    }
    return grid;
  }

  /** Dark ink on white paper, like the slides: pixel 255 is black. */
  private static void drawImage(BufferedImage grid, LabeledImages images, int image, int x, int y) {
    for (int r = 0; r < images.rows() * SCALE; r++) {
      for (int c = 0; c < images.cols() * SCALE; c++) {
        int ink = 255 - images.pixel(image, r / SCALE, c / SCALE);
        grid.setRGB(x + c, y + r, (ink << 16) | (ink << 8) | ink);
      }
    }
  }

  private static String shortName(String name) {
    return name.length() <= 10 ? name : name.substring(0, 9) + ".";
  }
}
