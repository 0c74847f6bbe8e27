package graphrunner.cluster;

import graphrunner.graph.VariablePlacement;
import java.util.List;
import org.tensorflow.op.Ops;

/**
 * TF1's {@code replica_device_setter}: each new variable goes to the next parameter server, round
 * robin in creation order. Every worker builds the same graph in the same order, so all of them
 * agree on where each variable lives and share it by name.
 */
final class ReplicaPlacement implements VariablePlacement {
  private final List<TaskId> parameterServers;
  private int next;

  ReplicaPlacement(List<TaskId> parameterServers) {
    this.parameterServers = List.copyOf(parameterServers);
  }

  @Override
  public Ops place(Ops tf) {
    TaskId ps = parameterServers.get(next++ % parameterServers.size());
    return tf.withDevice(ps.cpu());
  }
}
