package graphrunner.train.listener;

import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingMetrics;
import java.io.PrintStream;

/**
 * Progress as plain lines, one per evaluation, for logs and pipes where a progress bar would be
 * noise: step, train loss/accuracy, lr, test accuracy, examples/s, ETA.
 */
public final class PlainProgressListener implements TrainingListener {
  private final PrintStream stream;
  private final RecentRate rate = new RecentRate();
  private TrainingMetrics latest;

  public PlainProgressListener(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void onTrainingMetrics(RunContext run, TrainingMetrics metrics) {
    latest = metrics;
  }

  @Override
  public void onStep(RunContext run, long stepsDone, long stepNanos) {
    rate.stepDone(stepsDone, stepNanos);
  }

  @Override
  public void onEvaluation(RunContext run, Evaluation e) {
    rate.evaluated();
    long total = run.config().hyperparameters().steps();
    if (latest == null || e.step() == 0) {
      stream.printf("step %,d/%,d  test loss %.4f acc %.4f%n", e.step(), total, e.loss(),
          e.accuracy());
      return;
    }
    stream.printf("step %,d/%,d  loss %.4f acc %.4f  lr %.3e  test loss %.4f acc %.4f  "
            + "%,.0f ex/s  ETA %s%n", e.step(), total, latest.loss(), latest.accuracy(),
        latest.learningRate(), e.loss(), e.accuracy(), latest.examplesPerSecond(),
        RecentRate.format(rate.etaSeconds(total, run.config().evalEvery())));
    stream.flush();
  }
}
