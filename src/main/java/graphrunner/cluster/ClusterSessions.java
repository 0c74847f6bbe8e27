package graphrunner.cluster;

import org.tensorflow.Graph;
import org.tensorflow.RemoteSessions;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** The session options of a task of the cluster, and sessions on its own server. */
final class ClusterSessions {
  private ClusterSessions() {}

  /**
   * Soft placement as in single-process runs; the task's threads; and device filters so that a
   * task's master looks only at the parameter servers and itself: a dead or missing peer worker
   * never holds up or fails another worker's session (TF1's recommended between-graph setting).
   */
  static ConfigProto config(TaskId task, int threads) {
    var config = ConfigProto.newBuilder().setAllowSoftPlacement(true)
        .addDeviceFilters("/job:" + TaskId.PS).addDeviceFilters(task.device());
    if (task.isParameterServer()) {
      config.clearDeviceFilters().addDeviceFilters(task.device());
    }
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads);
    }
    return config.build();
  }

  static Session open(Graph graph, TaskServer server, ConfigProto config) {
    return RemoteSessions.open(graph, server.target(), config);
  }
}
