package graphrunner.bench;

/**
 * What one benchmark loop measured.
 *
 * @param firstStepSeconds from the start of graph building to the end of the first update
 * @param rssMb resident memory after the first step and at each quarter of the loop
 * @param heapMb the Java heap committed at the same points (part of the RSS)
 */
public record LoopFigures(String name, int steps, int batchSize, double seconds,
    double p50Millis, double p99Millis, double firstStepSeconds, double[] rssMb,
    double[] heapMb) {

  /** The same figures under another name. */
  public LoopFigures named(String newName) {
    return new LoopFigures(newName, steps, batchSize, seconds, p50Millis, p99Millis,
        firstStepSeconds, rssMb, heapMb);
  }

  public double stepsPerSecond() {
    return steps / seconds;
  }

  public double examplesPerSecond() {
    return steps * (double) batchSize / seconds;
  }

  static LoopFigures of(String name, StepTimes times, int batchSize, double firstStepSeconds) {
    return new LoopFigures(name, times.count(), batchSize, times.totalSeconds(),
        times.quantileMillis(0.5), times.quantileMillis(0.99), firstStepSeconds, times.rssMb(),
        times.heapMb());
  }
}
