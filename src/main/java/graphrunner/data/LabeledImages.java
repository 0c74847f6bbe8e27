package graphrunner.data;

import java.util.Objects;

/**
 * One split of an image classification data set, held as the IDX files store it: unsigned bytes,
 * row-major {@code [count][rows][cols]}, and one label byte per image. Pixels become floats in
 * [0, 1] only when a batch is copied out, which keeps 60,000 images at 47 MB instead of 188 MB.
 */
public final class LabeledImages {
  /** {@code b / 255f} for every byte value: a table lookup instead of a division per pixel. */
  private static final float[] UNIT = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      UNIT[b] = b / 255f;
    }
  }

  private final byte[] pixels;
  private final byte[] labels;
  private final int rows;
  private final int cols;

  public LabeledImages(byte[] pixels, byte[] labels, int rows, int cols) {
    this.pixels = Objects.requireNonNull(pixels);
    this.labels = Objects.requireNonNull(labels);
    this.rows = rows;
    this.cols = cols;
    if ((long) labels.length * rows * cols != pixels.length) {
      throw new IllegalArgumentException(
          labels.length + " labels do not match " + pixels.length + " pixels of " + rows + "x" + cols);
    }
  }

  public int count() {
    return labels.length;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int pixelsPerImage() {
    return rows * cols;
  }

  public int label(int index) {
    return labels[index] & 0xFF;
  }

  /** The raw unsigned pixel byte {@code (row, col)} of image {@code index}, 0..255. */
  public int pixel(int index, int row, int col) {
    return pixels[index * rows * cols + row * cols + col] & 0xFF;
  }

  /**
   * Copies images {@code order[from] .. order[from + n - 1]} into {@code dst} as pixel / 255,
   * one image after the other.
   */
  public void copyImages(int[] order, int from, int n, float[] dst) {
    int size = pixelsPerImage();
    for (int i = 0; i < n; i++) {
      int src = order[from + i] * size;
      int base = i * size;
      for (int p = 0; p < size; p++) {
        dst[base + p] = UNIT[pixels[src + p] & 0xFF];
      }
    }
  }

  /**
   * Copies the bytes and labels of images {@code order[from] .. order[from + n - 1]} into
   * {@code pixelsDst} and {@code labelsDst}, one image after the other (training batches: the
   * graph divides by 255).
   */
  public void gather(int[] order, int from, int n, byte[] pixelsDst, byte[] labelsDst) {
    int size = pixelsPerImage();
    for (int i = 0; i < n; i++) {
      System.arraycopy(pixels, order[from + i] * size, pixelsDst, i * size, size);
      labelsDst[i] = labels[order[from + i]];
    }
  }

  /** Copies images {@code from .. from + n - 1} in stored order (evaluation batches). */
  public void copyImages(int from, int n, float[] dst) {
    int size = pixelsPerImage();
    for (int i = 0; i < n * size; i++) {
      dst[i] = UNIT[pixels[from * size + i] & 0xFF];
    }
  }

  /** The first {@code n} images: small real-data subsets for tests and quick looks. */
  public LabeledImages first(int n) {
    if (n >= count()) {
      return this;
    }
    byte[] p = new byte[n * pixelsPerImage()];
    System.arraycopy(pixels, 0, p, 0, p.length);
    byte[] l = new byte[n];
    System.arraycopy(labels, 0, l, 0, n);
    return new LabeledImages(p, l, rows, cols);
  }

  /** The images at {@code indices}, in that order (a worker's shard of a data set). */
  public LabeledImages select(int[] indices) {
    int size = pixelsPerImage();
    byte[] p = new byte[indices.length * size];
    byte[] l = new byte[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * size, p, i * size, size);
      l[i] = labels[indices[i]];
    }
    return new LabeledImages(p, l, rows, cols);
  }
}
