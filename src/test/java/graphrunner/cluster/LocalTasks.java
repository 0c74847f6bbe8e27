package graphrunner.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs running {@code graph-runner train} as the tasks of one loopback cluster, each with its
 * output in a file. Every wait is bounded; {@link #close} kills whatever still runs.
 */
final class LocalTasks implements AutoCloseable {
  private final Path dir;
  private final String spec;
  private final List<String> flags;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final List<Integer> ports;

  LocalTasks(Path dir, int parameterServers, int workers, List<String> flags) throws IOException {
    this.dir = dir;
    this.flags = List.copyOf(flags);
    this.ports = freePorts(parameterServers + workers);
    this.spec = "ps=" + addresses(ports.subList(0, parameterServers)) + ";worker="
        + addresses(ports.subList(parameterServers, ports.size()));
  }

  String spec() {
    return spec;
  }

  List<Integer> ports() {
    return ports;
  }

  /** Starts {@code train} as task {@code job:index} (e.g. {@code worker:1}). */
  Process start(String task, String... extraFlags) throws IOException {
    return start(List.of(), task, extraFlags);
  }

  /**
   * Starts the task in a process whose files may not grow past {@code kilobytes} (a full disk,
   * as far as its writes can tell: the JVM ignores SIGXFSZ, so they fail "File too large").
   */
  Process startWithFileSizeLimit(int kilobytes, String task, String... extraFlags)
      throws IOException {
    return start(List.of("bash", "-c", "ulimit -f " + kilobytes + " && exec \"$@\"", "bash"),
        task, extraFlags);
  }

  private Process start(List<String> wrapper, String task, String... extraFlags)
      throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(javaBinary(), "-cp",
        System.getProperty("java.class.path"), "graphrunner.cli.Main", "train", "fc5-relu",
        "--cluster", spec, "--task", task));
    command.addAll(flags);
    command.addAll(List.of(extraFlags));
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log(task).toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().remove("TF_CONFIG");
    Process process = builder.start();
    processes.put(task, process);
    return process;
  }

  Path log(String task) {
    return dir.resolve(task.replace(':', '-') + ".log");
  }

  String output(String task) throws IOException {
    return Files.exists(log(task)) ? Files.readString(log(task)) : "";
  }

  /**
   * Waits until the task has printed {@code count} lines starting with {@code prefix}; false if it
   * did not within the time.
   */
  boolean awaitLines(String task, String prefix, int count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output(task).lines().filter(l -> l.startsWith(prefix)).count() >= count) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** The task's exit code, or -1 if it still ran after {@code timeout}. */
  int awaitExit(String task, Duration timeout) throws InterruptedException {
    Process process = processes.get(task);
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  void kill(String task) throws InterruptedException {
    Process process = processes.get(task);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : processes.values()) {
      process.destroyForcibly();
    }
    for (Process process : processes.values()) {
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }

  private static String addresses(List<Integer> ports) {
    return String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
