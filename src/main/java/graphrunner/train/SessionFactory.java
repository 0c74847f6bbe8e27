package graphrunner.train;

import graphrunner.DeviceUnavailable;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Opens sessions with the run's {@link Tuning} (threads, XLA, bfloat16) and placement, and for
 * {@code --device gpu} checks that a GPU is there at all.
 */
public final class SessionFactory {
  private final RunConfig config;
  private final Device device;

  private SessionFactory(RunConfig config, Device device) {
    this.config = config;
    this.device = device;
  }

  /**
   * Resolves the device: gpu without a visible GPU is {@link DeviceUnavailable} unless the run
   * allows the CPU fallback, in which case {@code onFallback} is told.
   */
  public static SessionFactory forRun(RunConfig config, Runnable onFallback) {
    if (config.device() != Device.GPU) {
      return new SessionFactory(config, Device.CPU);
    }
    List<String> devices = DeviceProbe.visibleDevices(baseConfig(config).build());
    if (devices.stream().anyMatch(d -> d.contains(":GPU:"))) {
      return new SessionFactory(config, Device.GPU);
    }
    if (config.allowCpuFallback()) {
      onFallback.run();
      return new SessionFactory(config, Device.CPU);
    }
    throw new DeviceUnavailable(GpuUnavailable.message(NativeBuild.onClassPath(),
        devices, CudaHost.problems()));
  }

  /** The device the graph is pinned to. */
  public Device device() {
    return device;
  }

  public Session open(Graph graph) {
    var session = baseConfig(config);
    if (device == Device.GPU) {
      // take GPU memory as needed instead of all of it at start, so other processes keep theirs
      session.getGpuOptionsBuilder().setAllowGrowth(true);
    }
    return new Session(graph, session.build());
  }

  private static ConfigProto.Builder baseConfig(RunConfig config) {
    var builder = ConfigProto.newBuilder()
        // ops without a GPU kernel (e.g. summaries) fall back to the CPU, as in TF1 scripts
        .setAllowSoftPlacement(true);
    Tuning tuning = config.tuning();
    builder.setIntraOpParallelismThreads(tuning.intraOpThreads())
        .setInterOpParallelismThreads(tuning.interOpThreads())
        .setUsePerSessionThreads(ThreadPools.perSession());
    if (tuning.xla()) {
      // the jit level alone clusters nothing on a CPU: TF's CPU auto-clustering flag is also
      // needed (TF_XLA_FLAGS=--tf_xla_cpu_global_jit), set here through the C API
      tensorflow.TF_SetTfXlaCpuGlobalJit((byte) 1);
      builder.getGraphOptionsBuilder().getOptimizerOptionsBuilder()
          .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1);
    }
    if (tuning.bfloat16()) {
      // Grappler rewrites the session's copy of the graph: the graph itself, its TensorBoard
      // view and the SavedModel stay float32
      builder.getGraphOptionsBuilder().getRewriteOptionsBuilder()
          .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
    }
    return builder;
  }
}
