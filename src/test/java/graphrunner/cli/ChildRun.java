package graphrunner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * graph-runner in a child JVM held at a phase ({@code -Dgraphrunner.pauseAt}), so that a test can
 * signal or kill it while it is inside that phase and read what it printed and left.
 */
final class ChildRun implements AutoCloseable {
  private final Process process;
  private final CountDownLatch paused = new CountDownLatch(1);
  private final CompletableFuture<String> out;
  private final CompletableFuture<String> err;
  private final StringBuffer errSoFar = new StringBuffer();
  private long signalledNanos;

  private ChildRun(Process process, String phase) {
    this.process = process;
    this.out = CompletableFuture.supplyAsync(
        () -> read(process.getInputStream(), null, new StringBuffer()));
    this.err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream(),
        "graph-runner: paused at " + phase, errSoFar));
  }

  static ChildRun start(String phase, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dgraphrunner.pauseAt=" + phase, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(args);
    try {
      return new ChildRun(new ProcessBuilder(command).start(), phase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(java.io.InputStream stream, String pauseLine, StringBuffer text) {
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        text.append(line).append('\n');
        if (line.equals(pauseLine)) {
          paused.countDown();
        }
      }
    } catch (IOException e) {
      text.append("(read failed: ").append(e).append(")\n");
    }
    return text.toString();
  }

  /** Waits until the child says it is inside its phase; false if it ended first or took a minute. */
  boolean awaitPhase() throws InterruptedException {
    while (!paused.await(100, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        return paused.getCount() == 0;
      }
    }
    return true;
  }

  /**
   * True when this process ignores SIGINT, as a job started in the background by a
   * non-interactive shell does: its children inherit that, and no JVM can undo it, so a child
   * could never be stopped by {@code INT} (Ctrl-C reaches no such job either).
   */
  static boolean sigintIgnored() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
        }
      }
    } catch (IOException | RuntimeException e) {
      return false; // no /proc: assume the usual default
    }
    return false;
  }

  long pid() {
    return process.pid();
  }

  /** Sends {@code INT}, {@code TERM} or {@code KILL}. */
  void signal(String name) throws Exception {
    signalledNanos = System.nanoTime();
    new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).start().waitFor();
  }

  /** The exit code, after waiting at most 30 s for it. */
  int exitCode() throws Exception {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not end within 30 s of the signal; stderr:\n"
          + err.getNow("(unread)"));
    }
    return process.exitValue();
  }

  /** Seconds from the signal to the end of the process (after {@link #exitCode}). */
  double secondsToExit() {
    return (System.nanoTime() - signalledNanos) / 1e9;
  }

  String stdout() throws Exception {
    return out.get(30, TimeUnit.SECONDS);
  }

  /** All the child wrote to stderr, once it has ended. */
  String stderr() throws Exception {
    return err.get(30, TimeUnit.SECONDS);
  }

  /** What the child has written to stderr so far, without waiting (for failure messages). */
  String stderrSoFar() {
    return errSoFar.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
