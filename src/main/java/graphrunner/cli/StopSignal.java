package graphrunner.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a polite request while a run is under way: the loop sees
 * {@link #requested()}, stops after its step, and checkpoint, logs, summary and last lines are
 * written before the process exits with 130 or 143.
 *
 * <p>Why not a shutdown hook: on a signal the JVM runs every hook at once, ours and the
 * libraries' (ImageIO's closes its streams), while the loop is still writing, and output printed
 * after that point may be lost. Replacing the handlers keeps the JVM out of shutdown until we
 * exit. A second signal means "now": the process halts at once.
 */
final class StopSignal implements AutoCloseable {
  private static final Map<String, ExitCode> SIGNALS = Map.of(
      "INT", ExitCode.INTERRUPTED, "TERM", ExitCode.TERMINATED);
  private final AtomicReference<ExitCode> received = new AtomicReference<>();
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private final PrintStream notes;
  private volatile String whatStops = "stopping after this step";

  StopSignal(PrintStream notes) {
    this.notes = notes;
    for (String name : SIGNALS.keySet()) {
      Signal signal = new Signal(name);
      previous.put(signal, Signal.handle(signal, this::onSignal));
    }
  }

  private void onSignal(Signal signal) {
    ExitCode code = SIGNALS.get(signal.getName());
    if (!received.compareAndSet(null, code)) {
      notes.println("graph-runner: stopping now, without saving (second signal)");
      notes.flush();
      Runtime.getRuntime().halt(code.code());
    }
    notes.println();
    notes.println("graph-runner: SIG" + signal.getName() + ": " + whatStops
        + " (again to stop at once)");
    notes.flush();
  }

  /** What a signal will stop from now on, as its note says it ("stopping after this step"). */
  void nowStopping(String what) {
    whatStops = what;
  }

  boolean requested() {
    return received.get() != null;
  }

  /** 130 after SIGINT, 143 after SIGTERM. */
  ExitCode exitCode() {
    ExitCode code = received.get();
    return code == null ? ExitCode.INTERRUPTED : code;
  }

  /** The run is over: signals get their usual meaning again. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
