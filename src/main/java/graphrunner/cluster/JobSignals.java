package graphrunner.cluster;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * How the tasks of a job tell each other they are done, the TF1 way: queues that live on the
 * parameter servers and are shared by name between the tasks' graphs. A worker that has finished
 * puts its figures (task, steps, examples/s) on the {@code workers_done} queue of ps 0; the chief
 * takes them, and at the very end puts a token on each parameter server's {@code job_over} queue,
 * which that parameter server is waiting on before it exits.
 */
final class JobSignals {
  private static final String WORKERS_DONE = "graph_runner_workers_done";
  private static final String JOB_OVER = "graph_runner_job_over";
  private static final List<Class<? extends TType>> REPORT = List.of(TInt64.class);
  private static final List<Class<? extends TType>> TOKEN = List.of(TInt64.class);

  /** Fed with {task index, steps, examples/s} by a worker that has finished. */
  final Placeholder<TInt64> report;
  final Op reportDone;
  /** The chief's end of the same queue: one report per dequeue. */
  final Operand<TInt64> nextReport;
  /** Tells every parameter server to exit. */
  final List<Op> jobOver = new ArrayList<>();

  JobSignals(Ops tf, ClusterSpec cluster) {
    Ops first = tf.withSubScope("job_signals").withDevice(cluster.parameterServers().get(0).cpu());
    var done = workersDoneQueue(first);
    report = tf.withSubScope("job_signals").placeholder(TInt64.class,
        Placeholder.shape(Shape.of(3)));
    reportDone = first.io.queueEnqueue(done, List.of(report));
    nextReport = (Operand<TInt64>) (Operand<?>) first.io.queueDequeue(done, REPORT)
        .components().get(0);
    for (TaskId ps : cluster.parameterServers()) {
      Ops at = tf.withSubScope("job_signals").withDevice(ps.cpu());
      jobOver.add(at.io.queueEnqueue(jobOverQueue(at), List.of(at.constant(1L))));
    }
  }

  /** A parameter server's wait: the dequeue that returns when the chief says the job is over. */
  static Op awaitJobOver(Ops tf, TaskId ps) {
    Ops at = tf.withSubScope("job_signals").withDevice(ps.cpu());
    return at.io.queueDequeue(jobOverQueue(at), TOKEN);
  }

  private static FifoQueue workersDoneQueue(Ops tf) {
    return tf.io.fifoQueue(REPORT, FifoQueue.sharedName(WORKERS_DONE).capacity(1000L)
        .shapes(List.of(Shape.of(3))));
  }

  private static FifoQueue jobOverQueue(Ops tf) {
    return tf.io.fifoQueue(TOKEN, FifoQueue.sharedName(JOB_OVER).capacity(100L)
        .shapes(List.of(Shape.scalar())));
  }
}
