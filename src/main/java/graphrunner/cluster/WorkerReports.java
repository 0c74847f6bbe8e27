package graphrunner.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TInt64;

/** Workers' end-of-training figures, passed to the chief through {@link JobSignals}' queue. */
final class WorkerReports {

  /** One worker's share of the job. */
  record Report(TaskId task, long steps, double examplesPerSecond) {}

  private final Session session;
  private final JobSignals signals;

  WorkerReports(Session session, JobSignals signals) {
    this.session = session;
    this.signals = signals;
  }

  void send(ClusterSpec cluster, TaskId task, TrainerFigures figures) {
    long[] report = {cluster.shardOf(task), figures.localSteps(),
        Math.round(figures.examplesPerSecond())};
    try (TInt64 value = TInt64.tensorOf(Shape.of(3), DataBuffers.of(report))) {
      session.runner().feed(signals.report, value).addTarget(signals.reportDone).run().close();
    }
  }

  /**
   * Up to {@code expected} reports, waiting at most {@code patience} in all: a worker that died
   * never reports, and the chief must finish without it.
   */
  List<Report> collect(ClusterSpec cluster, int expected, Duration patience) {
    List<Report> reports = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    while (reports.size() < expected) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      var options = RunOptions.newBuilder().setTimeoutInMs(left).build();
      try (Result r = session.runner().fetch(signals.nextReport).setOptions(options).run()) {
        TInt64 report = (TInt64) r.get(0);
        reports.add(new Report(cluster.trainers().get((int) report.getLong(0)), report.getLong(1),
            report.getLong(2)));
      } catch (TensorFlowException deadlineExceeded) {
        break;
      }
    }
    return reports;
  }
}
