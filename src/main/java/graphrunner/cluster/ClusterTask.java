package graphrunner.cluster;

import graphrunner.ClusterUnreachable;
import graphrunner.GraphRunnerException;
import graphrunner.ParameterServerLost;
import graphrunner.data.DataSplits;
import graphrunner.data.LabeledImages;
import graphrunner.experiments.Experiment;
import graphrunner.train.RunConfig;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.RemoteSessions;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * This process's part in a cluster job, by role: a parameter server serves until the chief ends
 * the job; a worker trains its shard until the global step reaches {@code --steps}; the chief does
 * the same and, like a single-process run, evaluates, logs, writes summary.json and exports.
 */
public final class ClusterTask {
  private final TfConfig config;
  private final Duration peerTimeout;
  private final Consumer<String> note;
  private final Consumer<GraphRunnerException> fatal;

  /**
   * @param peerTimeout how long to wait for the parameter servers (for workers, also for the
   *     chief to initialise the variables; for a parameter server, for the chief to come up)
   * @param note where progress lines go
   * @param fatal ends the process when a parameter server is lost mid-run (the training thread
   *     may be blocked in TensorFlow for good); it must not return
   */
  public ClusterTask(TfConfig config, Duration peerTimeout, Consumer<String> note,
      Consumer<GraphRunnerException> fatal) {
    this.config = config;
    this.peerTimeout = peerTimeout;
    this.note = note;
    this.fatal = fatal;
  }

  /**
   * Ends the process through {@code fatal}: closing a session whose parameter server is gone
   * waits for it forever, so the error cannot unwind through the try-with-resources.
   */
  private ParameterServerLost lost(ParameterServerLost error) {
    fatal.accept(error);
    return error; // not reached when fatal ends the process, as it must
  }

  private PeerWatch watchParameterServers(long[] globalStep) {
    return new PeerWatch(config.cluster(), config.cluster().parameterServers(),
        ps -> fatal.accept(new ParameterServerLost(config.task() + ": lost parameter "
            + "server " + ps.device() + " at " + config.cluster().address(ps) + " near global "
            + "step " + globalStep[0] + ", stopping without export")));
  }

  public TfConfig config() {
    return config;
  }

  /** A parameter server: serves the variables until the chief says the job is over. */
  public void serve(int threads) {
    ConfigProto sessionConfig = ClusterSessions.config(config.task(), threads);
    try (TaskServer server = TaskServer.start(config, sessionConfig);
        Graph graph = new Graph()) {
      var awaitJobOver = JobSignals.awaitJobOver(Ops.create(graph), config.task());
      note.accept(config.task() + ": serving on " + config.cluster().address(config.task())
          + " until the chief ends the job");
      TaskId chief = config.cluster().chief();
      // a chief that never comes up or dies never ends the job: then this task ends itself, so
      // that nothing of a failed job keeps listening
      PeerWait.untilReachable(config.cluster(), List.of(chief), peerTimeout);
      try (Session session = ClusterSessions.open(graph, server, sessionConfig);
          PeerWatch watch = new PeerWatch(config.cluster(), List.of(chief),
              gone -> fatal.accept(new ClusterUnreachable(config.task()
                  + ": the chief " + chief.device() + " at " + config.cluster().address(chief)
                  + " went away without ending the job; stopping")))) {
        session.run(awaitJobOver);
      }
      note.accept(config.task() + ": the chief ended the job");
    }
  }

  /** A worker other than the chief: trains until the global step reaches the target. */
  public TrainerFigures trainAsWorker(Experiment experiment, DataSplits data, RunConfig run,
      BooleanSupplier stop) {
    ConfigProto sessionConfig = ClusterSessions.config(config.task(), run.threads());
    try (TaskServer server = TaskServer.start(config, sessionConfig);
        Graph graph = new Graph()) {
      PeerWait.untilReachable(config.cluster(), config.cluster().parameterServers(), peerTimeout);
      ReplicaGraph replica = ReplicaGraph.build(graph, experiment, run, config);
      try (Session session = ClusterSessions.open(graph, server, sessionConfig)) {
        // the chief initialises the shared variables; running the initialisers here would reset them
        RemoteSessions.markInitializedElsewhere(session);
        var loop = new WorkerLoop(session, replica, run);
        long[] global = {0};
        try (PeerWatch watch = watchParameterServers(global)) {
          awaitChiefInitialisation(session, replica);
          note.accept(config.task() + ": training from global step "
              + (global[0] = loop.globalStep()));
          var figures = loop.run(shard(data.train(), run), shardSeed(run),
              new WorkerLoop.StepHook() {
                @Override
                public void afterStep(long localSteps, long globalStep,
                    org.tensorflow.Result metrics) {
                  global[0] = globalStep;
                }
              }, stop);
          global[0] = figures.lastGlobalStep();
          new WorkerReports(session, replica.signals()).send(config.cluster(), config.task(),
              figures);
          return figures;
        } catch (TensorFlowException e) {
          throw lost(ClusterLost.parameterServerLost(config.task(), global[0], e));
        }
      }
    }
  }

  /** The chief: trains like a worker and does everything a single-process run does around it. */
  public TrainingResult trainAsChief(Experiment experiment, DataSplits data, RunConfig run,
      List<TrainingListener> listeners, Path runDir, BooleanSupplier stop) {
    ConfigProto sessionConfig = ClusterSessions.config(config.task(), run.threads());
    try (TaskServer server = TaskServer.start(config, sessionConfig);
        Graph graph = new Graph()) {
      PeerWait.untilReachable(config.cluster(), config.cluster().parameterServers(), peerTimeout);
      ReplicaGraph replica = ReplicaGraph.build(graph, experiment, run, config);
      try (Session session = ClusterSessions.open(graph, server, sessionConfig)) {
        var chief = new ChiefRun(config, session, graph, replica, listeners, runDir, note);
        boolean parameterServersAnswer = false;
        long[] global = {0};
        try (PeerWatch watch = watchParameterServers(global)) {
          firstContact(() -> {
            session.initialize();
            return null;
          });
          parameterServersAnswer = true;
          return chief.train(experiment, data, run, shard(data.train(), run), shardSeed(run), stop,
              step -> global[0] = step, watch);
        } catch (TensorFlowException e) {
          parameterServersAnswer = false;
          throw lost(ClusterLost.parameterServerLost(config.task(), chief.lastGlobalStep(), e));
        } finally {
          if (parameterServersAnswer) { // else there may be nobody to tell, and asking would wait
            chief.endJob();
          }
        }
      }
    }
  }

  /**
   * The first run that reaches the parameter servers. Their ports accepted connections
   * ({@link PeerWait}), but what answers there may not be a TensorFlow server (another service,
   * a proxy): a ps that never answered never came up, and was not lost either.
   */
  private <T> T firstContact(Supplier<T> run) {
    try {
      return run.get();
    } catch (TensorFlowException e) {
      throw new ClusterUnreachable(config.task() + ": a parameter server never came up: "
          + silentParameterServers(e) + " accepts connections but does not answer as TensorFlow ("
          + ClusterLost.firstLine(e) + ")", e);
    }
  }

  /** The ps TensorFlow's message names ({@code /job:ps/replica:0/task:1}), else all of them. */
  private String silentParameterServers(TensorFlowException e) {
    Matcher named = Pattern.compile("/job:ps/replica:\\d+/task:(\\d+)")
        .matcher(String.valueOf(e.getMessage()));
    List<TaskId> parameterServers = config.cluster().parameterServers();
    if (named.find() && Integer.parseInt(named.group(1)) < parameterServers.size()) {
      parameterServers = List.of(new TaskId(TaskId.PS, Integer.parseInt(named.group(1))));
    }
    return String.join(" or ", parameterServers.stream()
        .map(ps -> ps.device() + " at " + config.cluster().address(ps)).toList());
  }

  private void awaitChiefInitialisation(Session session, ReplicaGraph replica) {
    long deadline = System.nanoTime() + peerTimeout.toNanos();
    boolean ready = firstContact(() -> ChiefRun.ready(session, replica));
    while (!ready) {
      if (System.nanoTime() > deadline) {
        throw new ClusterUnreachable("gave up after "
            + peerTimeout.toSeconds() + " s: the chief " + config.cluster().chief().device()
            + " never initialised the variables (--cluster-timeout)");
      }
      PeerWait.sleep(200);
      ready = ChiefRun.ready(session, replica);
    }
  }

  private LabeledImages shard(LabeledImages train, RunConfig run) {
    ClusterSpec cluster = config.cluster();
    return DataShard.of(train, cluster.shardOf(config.task()), cluster.trainers().size(),
        run.seed());
  }

  private long shardSeed(RunConfig run) {
    return DataShard.seedOf(run.seed(), config.cluster().shardOf(config.task()));
  }
}
