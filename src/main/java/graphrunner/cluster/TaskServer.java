package graphrunner.cluster;

import graphrunner.TaskServerFailed;
import org.tensorflow.Server;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.ServerDef;

/**
 * This task's TensorFlow gRPC server: the other tasks reach its devices through it. TensorFlow
 * 2.18's server binds its port on every interface (grpc_server_lib.cc listens on
 * {@code 0.0.0.0:port} whatever the host in the spec) and has no clean shutdown; the port is
 * freed when the process exits, which every task does when the job ends.
 */
final class TaskServer implements AutoCloseable {
  private final Server server;
  private final String target;

  private TaskServer(Server server, String target) {
    this.server = server;
    this.target = target;
  }

  static TaskServer start(TfConfig config, ConfigProto sessionConfig) {
    var def = ServerDef.newBuilder().setCluster(config.cluster().toClusterDef())
        .setJobName(config.task().job()).setTaskIndex(config.task().index())
        .setProtocol("grpc").setDefaultSessionConfig(sessionConfig).build();
    String address = config.cluster().address(config.task());
    try {
      Server server = new Server(def);
      server.start();
      return new TaskServer(server, "grpc://" + address);
    } catch (TensorFlowException e) {
      throw new TaskServerFailed("cannot start the TensorFlow server of " + config.task()
          + " on " + address + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  /** {@code grpc://host:port}: where a session of this task's own master connects. */
  String target() {
    return target;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (UnsupportedOperationException unimplemented) {
      // TFUnimplementedException, "Clean shutdown is not currently implemented": the port is
      // freed when the process exits, right after this
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
