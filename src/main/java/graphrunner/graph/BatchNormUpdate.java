package graphrunner.graph;

import java.util.Arrays;
import java.util.List;

/**
 * When batch norm's moving averages learn from a training batch.
 *
 * <ul>
 *   <li>{@link #TWO_PASS}: as deck 003's script does, a second run on the same batch after the
 *       update, so the moments come from the updated weights; it costs a second forward pass.
 *   <li>{@link #ONE_PASS}: as Keras does, inside the update itself, from the moments the training
 *       step's forward pass computed anyway (the weights before the update).
 * </ul>
 */
public enum BatchNormUpdate {
  TWO_PASS("two-pass"),
  ONE_PASS("one-pass");

  private final String flag;

  BatchNormUpdate(String flag) {
    this.flag = flag;
  }

  /** The value of {@code --batch-norm} and of summary.json's {@code batch_norm}. */
  public String flag() {
    return flag;
  }

  public static List<String> flags() {
    return Arrays.stream(values()).map(BatchNormUpdate::flag).toList();
  }

  public static BatchNormUpdate ofFlag(String value) {
    return Arrays.stream(values()).filter(u -> u.flag.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no batch-norm update '" + value + "'"));
  }
}
