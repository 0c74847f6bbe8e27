package graphrunner.train.listener;

import graphrunner.train.CheckpointPolicy;
import graphrunner.train.Checkpoints;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;

/**
 * Saves the run's checkpoints: as the policy says during training, and when the run ends,
 * completed or stopped (not when it diverged: its weights are no longer numbers).
 */
public final class CheckpointListener implements TrainingListener {
  private final Checkpoints checkpoints;
  private final CheckpointPolicy policy;
  private long lastSavedStep;
  private long lastSavedNanos;

  public CheckpointListener(Checkpoints checkpoints, CheckpointPolicy policy) {
    this.checkpoints = checkpoints;
    this.policy = policy;
  }

  @Override
  public void onStart(RunContext run) {
    lastSavedStep = run.progress().startStep();
    lastSavedNanos = System.nanoTime();
  }

  @Override
  public void onStep(RunContext run, long stepsDone, long stepNanos) {
    if (policy.due(stepsDone, stepsDone - lastSavedStep,
        (System.nanoTime() - lastSavedNanos) / 1e9)) {
      save(run, stepsDone);
    }
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    if (!"diverged".equals(result.status())) {
      save(run, result.steps());
    }
  }

  private void save(RunContext run, long stepsDone) {
    checkpoints.save(run.session(), run.progress().snapshot(stepsDone), run.stopRequested());
    lastSavedStep = stepsDone;
    lastSavedNanos = System.nanoTime();
  }
}
