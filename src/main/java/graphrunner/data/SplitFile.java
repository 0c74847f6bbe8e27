package graphrunner.data;

import java.util.List;

/** The four files of an MNIST-style data set, with their canonical names. */
public enum SplitFile {
  TRAIN_IMAGES("train-images-idx3-ubyte"),
  TRAIN_LABELS("train-labels-idx1-ubyte"),
  TEST_IMAGES("t10k-images-idx3-ubyte"),
  TEST_LABELS("t10k-labels-idx1-ubyte");

  /** All four, in the order a data set's checksum is taken. */
  public static final List<SplitFile> ALL = List.of(values());

  /** The test pair, images first, in the order their checksum is taken. */
  public static final List<SplitFile> TEST = List.of(TEST_IMAGES, TEST_LABELS);

  private final String rawName;

  SplitFile(String rawName) {
    this.rawName = rawName;
  }

  /** The name as published, e.g. {@code train-images-idx3-ubyte.gz}. */
  public String gzName() {
    return rawName + ".gz";
  }

  /** The uncompressed name, e.g. {@code train-images-idx3-ubyte}. */
  public String rawName() {
    return rawName;
  }

  public boolean isTrain() {
    return this == TRAIN_IMAGES || this == TRAIN_LABELS;
  }

  public boolean isImages() {
    return this == TRAIN_IMAGES || this == TEST_IMAGES;
  }
}
