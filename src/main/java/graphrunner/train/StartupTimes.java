package graphrunner.train;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a run reached each phase before its first update, in seconds since the process started
 * (the JVM's own start time), so that "launch to first step" can be taken apart: reading flags
 * and data, loading TensorFlow, building the graph, opening the session, the step-0 evaluation.
 * For a process's second run, the times still count from the process's start.
 */
public final class StartupTimes {
  private static final long LAUNCHED_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final Map<String, Double> phases = new LinkedHashMap<>();

  /** Records that {@code phase} ended now; only its first end counts. */
  public void reached(String phase) {
    phases.putIfAbsent(phase, (System.currentTimeMillis() - LAUNCHED_MILLIS) / 1e3);
  }

  /** Phase → seconds since launch, in the order reached. */
  public Map<String, Double> phases() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** E.g. {@code data 0.61 s, tensorflow 1.02 s, ...}. */
  public String describe() {
    var text = new StringBuilder();
    phases.forEach((phase, seconds) -> text.append(text.length() == 0 ? "" : ", ")
        .append(String.format("%s %.2f s", phase, seconds)));
    return text.toString();
  }
}
