package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.CatalogueEntry;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.experiments.LookOnlyGraph;
import graphrunner.graph.BatchNormUpdate;
import graphrunner.graph.LayerSummary;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.train.NativeBfloat16;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/** {@code describe ID}: layers, shapes and parameter counts (Keras' summary), settings, choices. */
final class DescribeCommand implements Command {
  private static final String RULE = "-".repeat(62);

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String arguments() {
    return "ID";
  }

  @Override
  public String summary() {
    return "show an experiment's layers, shapes, parameter counts, settings and our choices";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public void run(CommandLine line, Console out) {
    CatalogueEntry entry = Catalogue.entry(Flags.single(line, "experiment id"));
    out.println(entry.id() + " (deck " + entry.deck() + "): " + entry.title());
    out.println("slide's test accuracy: " + entry.slideAccuracy());
    out.println("");
    try (Graph graph = new Graph()) {
      if (entry instanceof Experiment experiment) {
        Hyperparameters hp = experiment.defaults();
        printLayers(experiment.build(Ops.create(graph), new Seeds(0), hp), out);
        printHyperparameters(experiment, hp, out);
      } else {
        ((LookOnlyGraph) entry).draw(Ops.create(graph));
        printNodes(graph, out);
      }
    }
    if (!entry.choices().isEmpty()) {
      out.println("");
      out.println("Our choices where the slide is silent:");
      entry.choices().forEach(c -> out.println("  - " + c));
    }
  }

  private static void printLayers(Model model, Console out) {
    out.println(String.format("%-28s %-20s %12s", "Layer (scope)", "Output shape", "Param #"));
    out.println(RULE);
    long other = 0;
    for (LayerSummary layer : model.layers()) {
      out.println(String.format("%-28s %-20s %,12d", layer.name() + " (" + layer.kind() + ")",
          shape(layer.outputShape()), layer.trainableParams() + layer.otherParams()));
      other += layer.otherParams();
    }
    out.println("=".repeat(RULE.length()));
    long trainable = model.trainableParameterCount();
    out.println(String.format("Total params: %,d", trainable + other));
    out.println(String.format("Trainable params: %,d", trainable));
    out.println(String.format("Non-trainable params: %,d", other));
  }

  private static void printHyperparameters(Experiment e, Hyperparameters hp, Console out) {
    out.println("");
    out.println("Training (slide's settings; override with train's flags):");
    out.println(String.format("  %-15s %s", "data set", e.datasetId()));
    out.println(String.format("  %-15s %,d updates of batch %d", "steps", hp.steps(),
        hp.batchSize()));
    out.println(String.format("  %-15s %s", "learning rate", hp.learningRate().describe()));
    out.println(String.format("  %-15s %s", "optimizer", hp.optimizer().describe()));
    if (!e.initChoices().isEmpty()) {
      out.println(String.format("  %-15s %s = %s (--init: %s)", "weights", hp.init(),
          e.initChoices().get(hp.init()).describe(), String.join(", ", e.initChoices().keySet())));
    }
    out.println(String.format("  %-15s %s", "dropout",
        hp.dropout() ? "pkeep " + hp.pkeep() + " in training, 1.0 at test" : "off"));
    if (e.batchNormalised()) {
      out.println(String.format("  %-15s moving averages updated %s (--batch-norm: %s)",
          "batch norm", hp.batchNorm() == BatchNormUpdate.ONE_PASS ? "within each update"
              : "in a second pass after each update", String.join(", ", BatchNormUpdate.flags())));
    }
    if (e.fasterInBfloat16()) {
      out.println(String.format("  %-15s multiplies in bfloat16 on a CPU with bfloat16 "
          + "instructions (this one: %s), float32 elsewhere (--bf16 on|off)", "precision",
          NativeBfloat16.available() ? "yes" : "no"));
    }
  }

  /** Build-only graphs: their named nodes, in creation order. */
  private static void printNodes(Graph graph, Console out) {
    out.println(String.format("%-12s %-16s %s", "Node", "Op", "Shape"));
    out.println(RULE);
    graph.operations().forEachRemaining(op -> {
      if (op.numOutputs() > 0 && !op.type().equals("Const") && !op.name().contains("/")
          && !op.name().matches(".*_\\d+")) {
        out.println(String.format("%-12s %-16s %s", op.name(), op.type(),
            shape(((GraphOperation) op).output(0).shape())));
      }
    });
  }

  /** Keras style: {@code (None, 200)}. */
  static String shape(Shape shape) {
    if (shape.isUnknown()) {
      return "?";
    }
    var text = new StringBuilder("(");
    for (int d = 0; d < shape.numDimensions(); d++) {
      text.append(d > 0 ? ", " : "").append(shape.size(d) < 0 ? "None" : shape.size(d));
    }
    return text.append(")").toString();
  }
}
