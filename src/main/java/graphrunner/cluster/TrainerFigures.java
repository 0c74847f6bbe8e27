package graphrunner.cluster;

/**
 * One trainer's share of a cluster job.
 *
 * @param localSteps the updates this task made
 * @param trainSeconds the time they took, batch preparation included
 * @param lastGlobalStep the shared step count after its last update
 */
public record TrainerFigures(long localSteps, double trainSeconds, long lastGlobalStep,
    int batchSize) {

  public double examplesPerSecond() {
    return trainSeconds == 0 ? 0 : localSteps * batchSize / trainSeconds;
  }
}
