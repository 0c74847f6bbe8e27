package graphrunner.cluster;

import graphrunner.ClusterUnreachable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * Waits until the tasks a task depends on accept connections. TensorFlow's master would wait for
 * them forever, logging every 10 s; this gives up after the timeout with one clear line.
 */
final class PeerWait {
  private static final int POLL_MILLIS = 200;

  private PeerWait() {}

  static void untilReachable(ClusterSpec cluster, List<TaskId> peers, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (TaskId peer : peers) {
      String address = cluster.address(peer);
      while (!accepts(address)) {
        if (System.nanoTime() > deadline) {
          throw new ClusterUnreachable("gave up after "
              + timeout.toSeconds() + " s: " + peer.device() + " at " + address
              + " never came up (--cluster-timeout)");
        }
        sleep(POLL_MILLIS);
      }
    }
  }

  static boolean accepts(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
          Integer.parseInt(hostPort.substring(colon + 1))), POLL_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }
}
