package graphrunner.cluster;

import graphrunner.data.LabeledImages;
import graphrunner.train.Batch;
import graphrunner.train.RunConfig;
import graphrunner.train.ShuffledBatches;
import graphrunner.train.StepRunner;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TInt64;

/**
 * A trainer's loop, the same on every worker: a batch of its own shard, one asynchronous update
 * of the shared variables, and the shared global step read back; it stops when that step reaches
 * {@code --steps}. As with TF1's {@code StopAtStepHook}, workers that were mid-update when the
 * count was reached still finish theirs, so the final count may pass the target by up to one
 * update per other worker.
 */
final class WorkerLoop {

  /** What the chief does around its updates; the other workers do nothing. */
  interface StepHook {
    default boolean wantsMetrics(long localSteps) {
      return false;
    }

    /** After an update; {@code metrics} holds loss, accuracy and lr when they were asked for. */
    default void afterStep(long localSteps, long globalStep, Result metrics) {}
  }

  private final Session session;
  private final ReplicaGraph replica;
  private final RunConfig config;

  WorkerLoop(Session session, ReplicaGraph replica, RunConfig config) {
    this.session = session;
    this.replica = replica;
    this.config = config;
  }

  long globalStep() {
    try (Result r = session.runner().fetch(replica.model().globalStep()).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }

  TrainerFigures run(LabeledImages shard, long shardSeed, StepHook hook, BooleanSupplier stop) {
    int batch = config.hyperparameters().batchSize();
    long target = config.hyperparameters().steps();
    try (var batches = new ShuffledBatches(shard, batch, shardSeed, 0);
        Batch xy = Batch.allocate(batch, shard.rows(), shard.cols());
        // the shared step after this update comes first; the metrics, when asked for, follow it
        var updates = new StepRunner(session, replica.model(), replica.trainStep(),
            List.of(replica.stepAfterUpdate()), ClusterSessions.timed())) {
      long local = 0;
      long trainNanos = 0;
      long global = globalStep();
      while (global < target && !stop.getAsBoolean()) {
        long t0 = System.nanoTime();
        batches.next(xy);
        boolean withMetrics = hook.wantsMetrics(local + 1);
        try (Result r = updates.run(xy, withMetrics)) {
          trainNanos += System.nanoTime() - t0;
          local++;
          global = ((TInt64) r.get(0)).getLong();
          hook.afterStep(local, global, withMetrics ? r : null);
        }
      }
      return new TrainerFigures(local, trainNanos / 1e9, global, batch);
    }
  }
}
