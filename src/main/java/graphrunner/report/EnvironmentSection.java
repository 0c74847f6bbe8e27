package graphrunner.report;

import graphrunner.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.tensorflow.TensorFlow;

/** Where the report was made: versions, machine, and the data set checksums the runs saw. */
final class EnvironmentSection {
  private EnvironmentSection() {}

  static Section describe(List<RunRecord> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("graph-runner", BuildInfo.version() + " (commit " + gitCommit() + ")"));
    rows.add(List.of("TensorFlow", TensorFlow.version() + " (TensorFlow Java 1.1.0)"));
    rows.add(List.of("Java", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version")));
    rows.add(List.of("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores visible"));
    rows.add(List.of("threads (runs)", runs.stream().map(r -> Integer.toString(r.threads()))
        .distinct().reduce((a, b) -> a + ", " + b).orElse("—")));
    rows.add(List.of("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch")));
    checksums(runs).forEach((dataset, sums) -> rows.add(List.of(dataset + " SHA-256", sums)));
    return new Section("environment", "Environment", List.of(
        new Block.Table(List.of("what", "value"), rows)));
  }

  /** Data set → its checksum(s) over the runs; two different ones would be worth a look. */
  private static Map<String, String> checksums(List<RunRecord> runs) {
    Map<String, String> sums = new TreeMap<>();
    for (RunRecord run : runs) {
      String sha = run.datasetSha256().isEmpty() ? "not recorded" : run.datasetSha256();
      sums.merge(run.datasetId().isEmpty() ? "data set" : run.datasetId(), sha,
          (a, b) -> a.contains(b) ? a : a + ", " + b);
    }
    return sums;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch"); // not Linux: the architecture is all we know
    }
  }

  /** The checkout's commit when run from one (the launcher does); "unknown" otherwise. */
  private static String gitCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      boolean done = git.waitFor(5, TimeUnit.SECONDS);
      return done && git.exitValue() == 0 && out.matches("[0-9a-f]+") ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
