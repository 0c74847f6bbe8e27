package graphrunner.train.listener;

import graphrunner.train.Evaluation;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingMetrics;
import graphrunner.train.TrainingResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One progress line on a terminal, redrawn in place: experiment, bar, steps, training and test
 * figures, throughput and ETA. It never wraps: on a narrow terminal the least useful fields go
 * first and the bar shrinks, down to 60 columns.
 */
public final class TerminalProgressListener implements TrainingListener {
  static final int MIN_WIDTH = 60;
  private static final long REDRAW_NANOS = 250_000_000L;
  private final PrintStream stream;
  private final int width;
  private final RecentRate rate = new RecentRate();
  private long lastDrawNanos;
  private long step;
  private long total;
  private int evalEvery;
  private TrainingMetrics metrics;
  private Evaluation test;

  public TerminalProgressListener(PrintStream stream, int terminalColumns) {
    this.stream = stream;
    // one column short of the edge: a character in the last column makes some terminals wrap
    this.width = Math.max(MIN_WIDTH, terminalColumns) - 1;
  }

  @Override
  public void onStart(RunContext run) {
    step = run.progress().startStep();
    total = run.config().hyperparameters().steps();
    evalEvery = run.config().evalEvery();
  }

  @Override
  public void onStep(RunContext run, long stepsDone, long stepNanos) {
    rate.stepDone(stepsDone, stepNanos);
  }

  @Override
  public void onTrainingMetrics(RunContext run, TrainingMetrics m) {
    metrics = m;
    step = m.step();
    draw(run, false);
  }

  @Override
  public void onEvaluation(RunContext run, Evaluation evaluation) {
    test = evaluation;
    rate.evaluated();
    draw(run, false);
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    step = result.steps();
    draw(run, true);
    stream.println();
    stream.flush();
  }

  private void draw(RunContext run, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDrawNanos < REDRAW_NANOS) {
      return;
    }
    lastDrawNanos = now;
    stream.print("\r" + line(run.experiment().id()));
    stream.flush();
  }

  /** The line for the current figures, one column narrower than the terminal. */
  String line(String id) {
    List<String> fields = new ArrayList<>(List.of(
        String.format("%,d/%,d", step, total),
        "ETA " + RecentRate.format(rate.etaSeconds(total, Math.max(1, evalEvery)))));
    if (test != null) {
      fields.add(String.format("test %.4f", test.accuracy()));
    }
    if (metrics != null) {
      fields.add(String.format("loss %.3f acc %.3f", metrics.loss(), metrics.accuracy()));
      fields.add(String.format("%,.0f ex/s", metrics.examplesPerSecond()));
    }
    int minBar = 12;
    String tail = String.join("  ", fields);
    while (id.length() + minBar + tail.length() + 4 > width && fields.size() > 1) {
      fields.remove(fields.size() - 1);
      tail = String.join("  ", fields);
    }
    int barWidth = Math.max(3, width - id.length() - tail.length() - 5);
    String line = id + " " + bar(barWidth) + "  " + tail;
    return line.length() > width ? line.substring(0, width) : padded(line);
  }

  private String bar(int inner) {
    int filled = total == 0 ? inner : (int) (inner * Math.min(1.0, (double) step / total));
    return "[" + "=".repeat(filled) + " ".repeat(inner - filled) + "]";
  }

  private String padded(String line) {
    return line + " ".repeat(width - line.length()); // wipes the end of a longer earlier line
  }
}
