package graphrunner.train;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * One training batch as the session is fed it: the images as their bytes, {@code [n, rows, cols,
 * 1]} uint8 (the graph turns them into [0, 1] floats), and one-hot labels {@code [n, 10]}. Its two
 * tensors are reused from step to step.
 */
public record Batch(TUint8 images, TFloat32 labels) implements AutoCloseable {

  public static Batch allocate(int size, int rows, int cols) {
    TUint8 images = TUint8.tensorOf(Shape.of(size, rows, cols, 1));
    try {
      return new Batch(images, TFloat32.tensorOf(Shape.of(size, 10)));
    } catch (RuntimeException e) {
      images.close();
      throw e;
    }
  }

  @Override
  public void close() {
    images.close();
    labels.close();
  }
}
