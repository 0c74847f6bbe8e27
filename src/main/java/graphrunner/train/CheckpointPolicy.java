package graphrunner.train;

/**
 * When a run saves a checkpoint besides on a stop request and at its end: every {@code steps}
 * updates, or at the first update after {@code seconds} of wall time since the last save
 * (0 turns either off).
 */
public record CheckpointPolicy(long steps, long seconds) {
  /** A minute of work at most is lost to a crash; saving an fc5 net takes ~10 ms. */
  public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(0, 60);

  public CheckpointPolicy {
    if (steps < 0 || seconds < 0 || steps == 0 && seconds == 0) {
      throw new IllegalArgumentException("a checkpoint policy needs steps or seconds above 0");
    }
  }

  /** {@code 500} (steps), {@code 90s} or {@code 5m} (wall time); null when malformed. */
  public static CheckpointPolicy parse(String text) {
    try {
      if (text.endsWith("s")) {
        return new CheckpointPolicy(0, Long.parseLong(text.substring(0, text.length() - 1)));
      }
      if (text.endsWith("m")) {
        return new CheckpointPolicy(0, 60 * Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return new CheckpointPolicy(Long.parseLong(text), 0);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean due(long stepsDone, long stepsSinceSave, double secondsSinceSave) {
    return steps > 0 && stepsDone % steps == 0
        || seconds > 0 && stepsSinceSave > 0 && secondsSinceSave >= seconds;
  }

  public String describe() {
    return steps > 0 ? "every " + steps + " steps" : "every " + seconds + " s";
  }
}
