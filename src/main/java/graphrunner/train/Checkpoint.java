package graphrunner.train;

import java.nio.file.Files;
import java.nio.file.Path;

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

  public boolean complete() {
    return Files.isRegularFile(dir.resolve(VARIABLES + ".index"))
        && Files.isRegularFile(dir.resolve(STATE));
  }
}
