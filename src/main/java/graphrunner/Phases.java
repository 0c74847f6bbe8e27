package graphrunner;

import java.util.function.BooleanSupplier;

/**
 * Named points of a run (an evaluation, writing images, a checkpoint, the export) at which a test
 * can hold the process: started with {@code -Dgraphrunner.pauseAt=<phase>}, the process prints
 * {@code graph-runner: paused at <phase>} to stderr when it gets there and waits (at most a
 * minute) for a stop request. A test then sends its signal while the process is inside that phase,
 * with no guessing of sleep times. Without the property this does nothing.
 */
public final class Phases {
  private static final String PAUSE_AT = System.getProperty("graphrunner.pauseAt", "");
  private static final long MAX_PAUSE_MILLIS = 60_000;

  private Phases() {}

  public static void reached(String phase, BooleanSupplier stopRequested) {
    if (!PAUSE_AT.equals(phase)) {
      return;
    }
    System.err.println("graph-runner: paused at " + phase);
    System.err.flush();
    long until = System.currentTimeMillis() + MAX_PAUSE_MILLIS;
    while (!stopRequested.getAsBoolean() && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
