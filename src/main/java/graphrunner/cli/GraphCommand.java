package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.CatalogueEntry;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.LookOnlyGraph;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.TrainStep;
import graphrunner.tensorboard.EventFileWriter;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** {@code graph ID}: writes only the graph, for a quick look in TensorBoard's Graphs tab. */
final class GraphCommand implements Command {

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public String arguments() {
    return "ID";
  }

  @Override
  public String summary() {
    return "write an experiment's graph (with its training ops) for TensorBoard, without training";
  }

  @Override
  public Options options() {
    var options = new Options();
    options.addOption(TrainingFlags.valued("logdir", "DIR", "where runs are written (runs)"));
    return options;
  }

  @Override
  public void run(CommandLine line, Console out) {
    CatalogueEntry entry = Catalogue.entry(Flags.single(line, "experiment id"));
    Path logdir = Flags.path(line, "logdir", "runs");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      if (entry instanceof Experiment experiment) {
        var hp = experiment.defaults();
        Model model = experiment.build(tf, new Seeds(0), hp);
        TrainStep.build(graph, tf, model, hp.learningRate(), hp.optimizer());
      } else {
        ((LookOnlyGraph) entry).draw(tf);
      }
      Path runDir = RunDirectory.create(logdir, entry.id());
      try (var writer = EventFileWriter.create(runDir.resolve("graph"))) {
        writer.graph(graph.toGraphDef());
      } catch (RuntimeException e) {
        RunDirectory.removeUnfinished(runDir);
        throw e;
      }
      out.println("graph of " + entry.id() + " written to " + runDir.resolve("graph"));
      out.println("see it: tensorboard --logdir " + logdir + "   (Graphs tab)");
    }
  }
}
