package graphrunner.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where a training step's time goes, from TensorFlow's own step stats ({@code FULL_TRACE}) and
 * the Java loop's clock: per op type, the time its kernels ran; per step, the ops' span (first
 * start to last end), the session call's wall time around it, and the Java work outside it.
 */
public final class StepProfile {
  private final Graph graph;
  private final Map<String, Double> microsByType = new HashMap<>();
  private final Map<String, Integer> countByType = new HashMap<>();
  private final List<Double> spanMicros = new ArrayList<>();
  private final List<Double> busyMicros = new ArrayList<>();
  private final List<Double> callMicros = new ArrayList<>();
  private final List<Double> batchMicros = new ArrayList<>();
  private int steps;

  public StepProfile(Graph graph) {
    this.graph = graph;
  }

  /** One traced step: its session runs' metadata, the calls' wall time, the batch's making. */
  void add(List<RunMetadata> runs, long callNanos, long batchNanos) {
    steps++;
    double span = 0;
    double busy = 0;
    for (RunMetadata run : runs) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (DeviceStepStats device : run.getStepStats().getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          double micros = node.getAllEndRelMicros();
          String type = typeOf(node);
          microsByType.merge(type, micros, Double::sum);
          countByType.merge(type, 1, Integer::sum);
          busy += micros;
          first = Math.min(first, node.getAllStartMicros());
          last = Math.max(last, node.getAllStartMicros() + node.getAllEndRelMicros());
        }
      }
      if (first <= last) {
        span += last - first;
      }
    }
    spanMicros.add(span);
    busyMicros.add(busy);
    callMicros.add(callNanos / 1e3);
    batchMicros.add(batchNanos / 1e3);
  }

  private String typeOf(NodeExecStats node) {
    GraphOperation op = graph.operation(node.getNodeName());
    if (op != null) {
      return op.type();
    }
    String label = node.getTimelineLabel(); // "name = Type(inputs)" for kernels TF added itself
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', Math.max(eq, 0));
    return eq >= 0 && paren > eq ? label.substring(eq + 3, paren) : node.getNodeName();
  }

  /** The report's lines: medians per step, then the {@code top} op types by time. */
  public List<String> lines(int top) {
    List<String> lines = new ArrayList<>();
    double call = median(callMicros);
    double span = median(spanMicros);
    lines.add(String.format("profile: %d traced steps, medians per step (tracing itself slows "
        + "a step)", steps));
    lines.add(String.format("  session call %.3f ms = ops' span %.3f ms + outside the ops %.3f ms "
        + "(executor, JNI, feeds, fetches)", call / 1e3, span / 1e3, (call - span) / 1e3));
    lines.add(String.format("  ops busy %.3f ms (summed over threads); Java batch making %.3f ms",
        median(busyMicros) / 1e3, median(batchMicros) / 1e3));
    double total = microsByType.values().stream().mapToDouble(Double::doubleValue).sum();
    lines.add(String.format("  %-28s %10s %7s %8s", "op type", "ms/step", "share", "runs/step"));
    microsByType.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .forEach(e -> lines.add(String.format("  %-28s %10.3f %6.1f %% %8.1f", e.getKey(),
            e.getValue() / steps / 1e3, 100 * e.getValue() / total,
            countByType.get(e.getKey()) / (double) steps)));
    return lines;
  }

  private static double median(List<Double> values) {
    return values.isEmpty() ? Double.NaN
        : values.stream().sorted().toList().get(values.size() / 2);
  }
}
