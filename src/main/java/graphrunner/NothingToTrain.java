package graphrunner;

/** A catalogue entry that is a graph to look at, asked to train. */
public final class NothingToTrain extends GraphRunnerException {
  public NothingToTrain(String message) {
    super(message);
  }
}
