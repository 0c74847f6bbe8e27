package graphrunner.train;

import graphrunner.DamagedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * One saved checkpoint, {@code <run>/checkpoints/step-<N>/}: TensorFlow's V2 checkpoint
 * ({@code model.index}, {@code model.data-00000-of-00001}) of every variable (weights, optimiser
 * slots, global step, moving averages) and the loop's {@link LoopState} in {@code state.json}.
 */
public record Checkpoint(Path dir, long step) {
  static final String VARIABLES = "model";
  static final String STATE = "state.json";

  /** The prefix {@code Session.save} and {@code Session.restore} take. */
  public String prefix() {
    return dir.resolve(VARIABLES).toString();
  }

  /**
   * Loads the checkpoint's variables into {@code session}'s graph. A truncated or foreign
   * checkpoint ("Read less bytes than requested", "Key conv1/W1 not found") is the user's damaged
   * run, not an internal error.
   */
  public void restoreInto(Session session) {
    try {
      session.restore(prefix());
    } catch (TensorFlowException e) {
      throw new DamagedRun("damaged checkpoint " + dir + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  public boolean complete() {
    return Files.isRegularFile(dir.resolve(VARIABLES + ".index"))
        && Files.isRegularFile(dir.resolve(STATE));
  }
}
