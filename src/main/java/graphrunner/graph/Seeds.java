package graphrunner.graph;

/**
 * Hands every random op of a graph its own seed pair. TensorFlow Java has no graph-wide seed, so
 * the pair is (run seed, op counter): the same {@code --seed} gives the same initial weights and
 * dropout masks, op by op, on every CPU run.
 */
public final class Seeds {
  private final long runSeed;
  private long opCounter;

  public Seeds(long runSeed) {
    this.runSeed = runSeed;
  }

  public long runSeed() {
    return runSeed;
  }

  /** The seed pair of the next random op; {@code seed2} never 0 (0/0 means "nondeterministic"). */
  public long[] next() {
    return new long[] {runSeed, ++opCounter};
  }

  /**
   * A 64-bit key for the next stateless random op, mixed from (run seed, op counter) with
   * SplitMix64's finaliser so that neighbouring seeds and ops get unrelated streams.
   */
  public long nextKey() {
    long z = runSeed * 0x9E3779B97F4A7C15L + ++opCounter;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
