package graphrunner.experiments;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A graph of the slides built only to be looked at (TensorBoard's Graphs tab, {@code describe},
 * the worked examples): no loss, nothing to train, so it is no {@link Experiment}.
 *
 * @param drawing builds the graph with the ops factory it is given and names its two ends
 */
public record LookOnlyGraph(String id, String deck, String title, List<String> choices,
    Drawing drawing) implements CatalogueEntry {

  /** Builds the graph of a {@link LookOnlyGraph}. */
  @FunctionalInterface
  public interface Drawing {
    Ends draw(Ops tf);
  }

  /** The input placeholder and the output of a drawn graph, to feed and fetch. */
  public record Ends(Placeholder<TFloat32> input, Operand<TFloat32> output) {}

  public LookOnlyGraph {
    Objects.requireNonNull(id);
    Objects.requireNonNull(drawing);
    choices = List.copyOf(choices);
  }

  /** The slides quote no accuracy for a graph nobody trains. */
  @Override
  public String slideAccuracy() {
    return "-";
  }

  /** Builds the graph with {@code tf} (root scope). */
  public Ends draw(Ops tf) {
    return drawing.draw(tf);
  }
}
