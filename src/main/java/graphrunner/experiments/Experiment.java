package graphrunner.experiments;

import graphrunner.graph.Init;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.SlideGraph;
import graphrunner.graph.VariablePlacement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.op.Ops;

/**
 * One experiment of the slide decks, as a value: where it comes from, the slide's settings, our
 * choices where the slide is silent, and the function that builds its graph. Listing and printing
 * it builds nothing; {@link #build} builds one graph each time it is called.
 *
 * @param id the catalogue id, e.g. {@code fc5-relu-decay}
 * @param deck the slide deck it comes from, e.g. {@code 003}
 * @param slideAccuracy the test accuracy the slide reports, as the slide prints it
 * @param title one line for {@code list}
 * @param defaults the slide's training settings
 * @param choices our choices where the slide is silent; printed by {@code describe} and a run
 * @param datasetId {@code fashion-mnist} or {@code mnist}
 * @param initChoices the weight initialisers {@code --init} may pick, by name, the default first;
 *     empty when the slide fixes the initialiser
 * @param reportsClassification true when {@code train} prints the classification report
 * @param batchNormalised true when the graph has batch-norm layers, whose update
 *     {@code --batch-norm} chooses
 * @param convolutional true when the graph has convolutions, which use every core; a fully
 *     connected net's small steps run faster on one thread (see {@code Tuning})
 * @param fasterInBfloat16 true when its steps measured faster with bfloat16 convolutions
 *     ({@code --bf16}) on a CPU with bfloat16 instructions, its accuracy within 0.3 pp of
 *     float32's (and the slide's still reached)
 * @param graph builds the model, as on the slide
 */
public record Experiment(String id, String deck, String slideAccuracy, String title,
    Hyperparameters defaults, List<String> choices, String datasetId,
    Map<String, Init> initChoices, boolean reportsClassification, boolean batchNormalised,
    boolean convolutional, boolean fasterInBfloat16, ModelGraph graph)
    implements CatalogueEntry {

  public Experiment {
    Objects.requireNonNull(id);
    Objects.requireNonNull(defaults);
    Objects.requireNonNull(graph);
    choices = List.copyOf(choices);
    initChoices = Collections.unmodifiableMap(new LinkedHashMap<>(initChoices));
    if (!initChoices.isEmpty() && !initChoices.containsKey(defaults.init())) {
      throw new IllegalArgumentException(id + ": the default initialiser '" + defaults.init()
          + "' is not among " + initChoices.keySet());
    }
  }

  /** Named fields: {@code Experiment.builder("fc5-relu").deck("003")...graph(...).build()}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds the graph with {@code tf} (root scope), random ops seeded from {@code seeds}. */
  public Model build(Ops tf, Seeds seeds, Hyperparameters hp) {
    return build(new SlideGraph(tf, seeds), hp);
  }

  /** As above, the variables placed with {@code placement} (a cluster's parameter servers). */
  public Model build(Ops tf, Seeds seeds, Hyperparameters hp, VariablePlacement placement) {
    return build(new SlideGraph(tf, seeds, placement), hp);
  }

  private Model build(SlideGraph g, Hyperparameters hp) {
    if (!initChoices.isEmpty() && !initChoices.containsKey(hp.init())) {
      throw new IllegalArgumentException(id + " has no initialiser '" + hp.init() + "'");
    }
    g.batchNormUpdates(hp.batchNorm());
    return graph.build(g, hp);
  }

  /** The initialiser {@code hp} names among {@code choices}, for graph functions. */
  static Init chosen(Map<String, Init> choices, Hyperparameters hp) {
    Init init = choices.get(hp.init());
    if (init == null) {
      throw new IllegalArgumentException("no initialiser '" + hp.init() + "' among "
          + choices.keySet());
    }
    return init;
  }

  /** Builds an {@link Experiment}; Fashion-MNIST, no choices and no report unless set. */
  public static final class Builder {
    private final String id;
    private String deck = "";
    private String slideAccuracy = "-";
    private String title = "";
    private Hyperparameters defaults;
    private List<String> choices = List.of();
    private String datasetId = "fashion-mnist";
    private Map<String, Init> initChoices = Map.of();
    private boolean reportsClassification;
    private boolean batchNormalised;
    private boolean convolutional;
    private boolean fasterInBfloat16;

    private Builder(String id) {
      this.id = id;
    }

    public Builder deck(String value) {
      deck = value;
      return this;
    }

    public Builder slideAccuracy(String value) {
      slideAccuracy = value;
      return this;
    }

    public Builder title(String value) {
      title = value;
      return this;
    }

    public Builder defaults(Hyperparameters value) {
      defaults = value;
      return this;
    }

    public Builder choices(List<String> value) {
      choices = value;
      return this;
    }

    public Builder datasetId(String value) {
      datasetId = value;
      return this;
    }

    /** The initialisers {@code --init} may pick, in order, the default first. */
    public Builder initChoices(Map<String, Init> value) {
      initChoices = value;
      return this;
    }

    public Builder reportsClassification(boolean value) {
      reportsClassification = value;
      return this;
    }

    /** For graphs with batch-norm layers. */
    public Builder batchNormalised(boolean value) {
      batchNormalised = value;
      return this;
    }

    /** For graphs with convolutions. */
    public Builder convolutional(boolean value) {
      convolutional = value;
      return this;
    }

    /** For graphs measured faster in bfloat16 (its convolutions wide enough to pay the casts). */
    public Builder fasterInBfloat16(boolean value) {
      fasterInBfloat16 = value;
      return this;
    }

    public Experiment graph(ModelGraph graph) {
      return new Experiment(id, deck, slideAccuracy, title, defaults, choices, datasetId,
          initChoices, reportsClassification, batchNormalised, convolutional, fasterInBfloat16,
          graph);
    }
  }
}
