package graphrunner.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches the tasks this one depends on while it trains. TensorFlow cannot be relied on to fail
 * a run whose parameter server died: gRPC keeps reconnecting, and neither a run's timeout nor a
 * cancellation brings the blocked call back. So a task probes its parameter servers' ports, and
 * when one refuses connections a few times in a row it is declared lost and {@code onLost} runs
 * (the CLI prints one line and ends the process, since the training thread may never return).
 */
final class PeerWatch implements AutoCloseable {
  private static final int PROBE_MILLIS = 500;
  /** Refusals in a row before a peer counts as lost: a busy peer still accepts connections. */
  private static final int REFUSALS = 3;

  private final Thread thread;
  private volatile boolean closed;

  /** Watches peers that have already answered once ({@link PeerWait}). */
  PeerWatch(ClusterSpec cluster, List<TaskId> peers, Consumer<TaskId> onLost) {
    thread = new Thread(() -> watch(cluster, peers, onLost), "cluster-peer-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch(ClusterSpec cluster, List<TaskId> peers, Consumer<TaskId> onLost) {
    Map<TaskId, Integer> refusals = new HashMap<>();
    while (!closed) {
      for (TaskId peer : peers) {
        boolean answers = PeerWait.accepts(cluster.address(peer));
        int count = answers ? 0 : refusals.getOrDefault(peer, 0) + 1;
        refusals.put(peer, count);
        if (count >= REFUSALS && !closed) {
          onLost.accept(peer);
          return;
        }
      }
      try {
        Thread.sleep(PROBE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops watching: from here on the peers may end (the job is over). */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
