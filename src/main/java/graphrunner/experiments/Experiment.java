package graphrunner.experiments;

import graphrunner.graph.Init;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.SlideGraph;
import java.util.List;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * One experiment of the slide decks: where it comes from, the slide's hyperparameters, and its
 * graph, written in {@link SlideGraph}'s vocabulary. A fresh instance builds one graph.
 */
public abstract class Experiment extends SlideGraph {

  /** The catalogue id, e.g. {@code fc5-relu-decay}. */
  public abstract String id();

  /** The slide deck it comes from, e.g. {@code 003}. */
  public abstract String deck();

  /** The test accuracy the slide reports, as the slide prints it. */
  public abstract String slideAccuracy();

  /** One line for {@code list}. */
  public abstract String title();

  /** The slide's training settings. */
  public abstract Hyperparameters defaults();

  /** Our choices where the slide is silent; printed by {@code describe} and at the start of a run. */
  public List<String> choices() {
    return List.of();
  }

  /** {@code fashion-mnist} or {@code mnist}. */
  public String datasetId() {
    return "fashion-mnist";
  }

  /**
   * The weight initialisers {@code --init} may pick, by name, the default first; empty when the
   * slide fixes the initialiser.
   */
  public Map<String, Init> initChoices() {
    return Map.of();
  }

  /** The initialiser {@code hp} names; only for experiments with {@link #initChoices()}. */
  protected final Init chosenInit(Hyperparameters hp) {
    Init init = initChoices().get(hp.init());
    if (init == null) {
      throw new IllegalArgumentException(id() + " has no initialiser '" + hp.init() + "'");
    }
    return init;
  }

  /** True when {@code train} should print the classification report (deck 002 does). */
  public boolean reportsClassification() {
    return false;
  }

  /** True when the graph has batch-norm layers, whose update {@code --batch-norm} chooses. */
  public boolean batchNormalised() {
    return false;
  }

  /** False for graphs built only to be looked at in TensorBoard. */
  public boolean trains() {
    return true;
  }

  /** Builds the graph with {@code tf} (root scope), random ops seeded from {@code seeds}. */
  public final Model build(Ops tf, Seeds seeds, Hyperparameters hp) {
    attach(tf, seeds);
    batchNormUpdates(hp.batchNorm());
    return define(hp);
  }

  /** The graph, as on the slide; returns null only when {@link #trains()} is false. */
  protected abstract Model define(Hyperparameters hp);
}
