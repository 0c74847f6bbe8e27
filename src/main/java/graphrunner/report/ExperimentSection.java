package graphrunner.report;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.metrics.Fractions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One experiment's part of the report: its figures beside the slide's, and its curves. */
final class ExperimentSection {
  private final RunRecord run;
  private final Experiment experiment;
  private final double slide;

  ExperimentSection(RunRecord run) {
    this.run = run;
    this.experiment = Catalogue.experiment(run.experiment());
    this.slide = SlideComparison.slideFraction(experiment.slideAccuracy());
  }

  /** The command that trains this run again: same experiment, seed and steps. */
  String command() {
    return "tools/graph-runner train " + run.experiment() + " --seed " + run.seed()
        + " --steps " + hyperparameter("steps", run.steps());
  }

  ResultRow row() {
    String mark = SlideComparison.mark(run.maxTestAccuracy(), slide);
    return new ResultRow(run.experiment(), experiment.deck(), slide, run.maxTestAccuracy(),
        run.finalTestAccuracy(), SlideComparison.differencePoints(run.maxTestAccuracy(), slide),
        mark, run.steps(), run.wallSeconds(), run.examplesPerSecond(), run.seed(), run.device(),
        run.status(), run.runDir().toString());
  }

  Section section() {
    RunCurves curves = RunCurves.read(run.runDir());
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Text(experiment.title() + " (deck " + experiment.deck() + "). Run "
        + run.runDir() + ", " + run.status() + "."));
    blocks.add(new Block.Command(command()));
    blocks.add(figures());
    if (!curves.testAccuracy().isEmpty()) {
      blocks.add(new Block.Figure("Test and train accuracy; dashed: the slide's figure",
          Charts.accuracy(run.experiment(), curves, slide)));
    }
    if (!curves.testLoss().isEmpty()) {
      blocks.add(new Block.Figure("Test and train loss (a first evaluation that dwarfs the rest "
          + "is left off scale)",
          Charts.loss(run.experiment(), curves)));
    }
    if (curves.learningRateDecays()) {
      blocks.add(new Block.Figure("Learning rate (decaying schedule)",
          Charts.learningRate(run.experiment(), curves)));
    }
    return new Section("experiment-" + run.experiment(), run.experiment(), blocks);
  }

  private Block.Table figures() {
    ResultRow r = row();
    return new Block.Table(List.of("slide", "max test accuracy", "final test accuracy",
        "difference", "mark", "steps", "wall time", "examples/s", "seed", "device"),
        List.of(List.of(experiment.slideAccuracy(), Fractions.text(r.maxTestAccuracy()),
            Fractions.text(r.finalTestAccuracy()), points(r.differencePoints()),
            SlideComparison.symbol(r.mark()), String.format(Locale.ROOT, "%,d", r.steps()),
            String.format(Locale.ROOT, "%.1f s", r.wallSeconds()),
            String.format(Locale.ROOT, "%,.0f", r.examplesPerSecond()),
            Long.toString(r.seed()), r.device())));
  }

  private String hyperparameter(String name, long fallback) {
    return run.hyperparameters().getOrDefault(name, Long.toString(fallback));
  }

  static String points(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.2f pp", value);
  }
}
