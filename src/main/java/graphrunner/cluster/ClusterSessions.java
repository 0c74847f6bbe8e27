package graphrunner.cluster;

import java.time.Duration;
import org.tensorflow.Graph;
import org.tensorflow.RemoteSessions;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;

/** The session options of a task of the cluster, and sessions on its own server. */
final class ClusterSessions {
  /**
   * The longest a trainer's run may take, a last resort: a lost parameter server is normally
   * noticed within seconds by {@link PeerWatch}, and updates and evaluations take far less.
   */
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

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
    } else {
      // a run whose parameter server died would otherwise wait for it forever (gRPC reconnects)
      config.setOperationTimeoutInMs(RUN_TIMEOUT.toMillis());
    }
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads);
    }
    return config.build();
  }

  /** Per-run options carrying {@link #RUN_TIMEOUT}, for runs the session default may not reach. */
  static RunOptions timed() {
    return RunOptions.newBuilder().setTimeoutInMs(RUN_TIMEOUT.toMillis()).build();
  }

  static Session open(Graph graph, TaskServer server, ConfigProto config) {
    return RemoteSessions.open(graph, server.target(), config);
  }
}
