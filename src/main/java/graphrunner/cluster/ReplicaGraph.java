package graphrunner.cluster;

import graphrunner.experiments.Experiment;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import graphrunner.graph.TrainStep;
import graphrunner.train.RunConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt64;

/**
 * One trainer's copy of the graph (between-graph replication): the experiment with its compute
 * on this task's CPU and its variables on the parameter servers, the training step, the global
 * step as it is after an update, a readiness check, and the job's signals.
 *
 * @param stepAfterUpdate the shared global step read after this task's update (other tasks'
 *     updates may be in it too)
 * @param ready true once every variable on the parameter servers holds a value
 */
record ReplicaGraph(Model model, TrainStep trainStep, Operand<TInt64> stepAfterUpdate,
    Operand<TBool> ready, JobSignals signals) {

  static ReplicaGraph build(Graph graph, Experiment experiment, RunConfig config, TfConfig cluster) {
    Ops tf = Ops.create(graph).withDevice(cluster.task().cpu());
    var hp = config.hyperparameters();
    Model model = experiment.build(tf, new Seeds(config.seed()), hp,
        new ReplicaPlacement(cluster.cluster().parameterServers()));
    TrainStep step = TrainStep.build(graph, tf, model, hp.learningRate(), hp.optimizer());
    var after = tf.withControlDependencies(List.of(step.train())).snapshot(model.globalStep());
    return new ReplicaGraph(model, step, after, allInitialized(graph, tf),
        new JobSignals(tf, cluster.cluster()));
  }

  /** TF1's {@code report_uninitialized_variables}, reduced to one boolean. */
  private static Operand<TBool> allInitialized(Graph graph, Ops tf) {
    List<GraphOperation> variables = new ArrayList<>();
    graph.operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2")) {
        variables.add(op);
      }
    });
    Ops r = tf.withSubScope("ready");
    List<Operand<TBool>> initialized = new ArrayList<>();
    for (GraphOperation variable : variables) {
      initialized.add(r.isVariableInitialized(variable.output(0)));
    }
    return r.reduceAll(r.stack(initialized), r.constant(0));
  }
}
