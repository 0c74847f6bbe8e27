package graphrunner.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * The handles a built classifier graph offers to training, evaluation and export.
 *
 * @param images {@code X}, float {@code [-1, 28, 28, 1]} in [0, 1]: what evaluation and serving
 *     feed; unfed, it is {@code imageBytes / 255}
 * @param imageBytes {@code X_bytes}, uint8 {@code [-1, 28, 28, 1]}: what training feeds
 * @param labels {@code Y_}, one-hot float {@code [-1, 10]}
 * @param loss the training loss (for the decks: mean cross-entropy × 100)
 * @param accuracy fraction of the batch classified right
 * @param trainables the variables the optimiser updates, and only those
 * @param knobs placeholders with inference defaults that training feeds (pkeep, is_training)
 * @param afterUpdate ops to run after each update on the same batch (moving averages, two passes)
 * @param withUpdate ops the update itself runs before {@code global_step} advances (one pass)
 * @param layers the rows of {@code describe}'s table
 * @param globalStep int64 count of updates done (the schedule and batch norm read it)
 */
public record Model(
    Operand<TFloat32> images,
    Placeholder<TUint8> imageBytes,
    Placeholder<TFloat32> labels,
    Operand<TFloat32> logits,
    Operand<TFloat32> probabilities,
    Operand<TInt64> classes,
    Operand<TFloat32> loss,
    Operand<TFloat32> accuracy,
    List<Variable<TFloat32>> trainables,
    List<Knob> knobs,
    List<Op> afterUpdate,
    List<Op> withUpdate,
    List<LayerSummary> layers,
    Variable<TInt64> globalStep) {

  public long trainableParameterCount() {
    return layers.stream().mapToLong(LayerSummary::trainableParams).sum();
  }
}
