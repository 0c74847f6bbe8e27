package graphrunner.graph;

/** What the mean cross-entropy of a batch is multiplied by to make the training loss. */
public enum LossScale {
  /** The Görner decks: {@code mean(cross_entropy) * 100}, "normalised for batches of 100 images". */
  PER_100_IMAGES(100f),
  /** Keras and the IME notebooks: the plain mean. */
  MEAN(1f);

  private final float factor;

  LossScale(float factor) {
    this.factor = factor;
  }

  public float factor() {
    return factor;
  }
}
