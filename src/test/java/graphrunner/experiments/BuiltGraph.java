package graphrunner.experiments;

import graphrunner.graph.LayerSummary;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;

/**
 * An experiment's graph built with its defaults, with the numbers read back from the graph itself:
 * how many floats its variables hold, split into what the optimiser updates and the rest. These
 * are counted from the VariableV2 ops TensorFlow holds, not from the layers' own bookkeeping,
 * which {@code describe} prints ({@code described*}) and which the tests compare against them.
 */
record BuiltGraph(long describedTrainable, long describedOther, long trainableInGraph,
    long otherFloatsInGraph, List<Long> logits, List<Long> probabilities, Set<String> opNames) {

  static BuiltGraph of(String id) {
    Experiment experiment = Catalogue.experiment(id);
    try (Graph graph = new Graph()) {
      Model model = experiment.build(Ops.create(graph), new Seeds(0), experiment.defaults());
      Set<String> trainables = model.trainables().stream().map(v -> v.op().name())
          .collect(Collectors.toSet());
      long trainable = 0;
      long other = 0;
      for (GraphOperation op : operations(graph)) {
        if (!op.type().equals(Variable.OP_NAME)
            || op.output(0).dataType() != DataType.DT_FLOAT_REF) {
          continue; // global_step is the one int64 variable: a counter, not a parameter
        }
        long size = op.output(0).shape().size();
        if (trainables.contains(op.name())) {
          trainable += size;
        } else {
          other += size;
        }
      }
      Set<String> names = operations(graph).stream().map(GraphOperation::name)
          .collect(Collectors.toSet());
      return new BuiltGraph(model.trainableParameterCount(),
          model.layers().stream().mapToLong(LayerSummary::otherParams).sum(), trainable, other,
          dims(model.logits().shape()), dims(model.probabilities().shape()), names);
    }
  }

  private static List<Long> dims(Shape shape) {
    return Arrays.stream(shape.asArray()).boxed().toList();
  }

  private static List<GraphOperation> operations(Graph graph) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(graph.operations(), 0), false)
        .toList();
  }
}
