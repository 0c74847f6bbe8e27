package graphrunner.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for what a background thread prepares for the training loop (batches). */
final class BackgroundTask {
  private BackgroundTask() {}

  /**
   * Waits for {@code task}; its failure, or an interrupt, becomes an {@link IllegalStateException}
   * that says what was being done ({@code doing}, e.g. "gathering a batch").
   */
  static void await(Future<?> task, String doing) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(doing + " failed", e.getCause());
    }
  }
}
