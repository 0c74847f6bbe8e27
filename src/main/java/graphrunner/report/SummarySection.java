package graphrunner.report;

import graphrunner.metrics.Fractions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of every experiment against its slide, first in the report. */
final class SummarySection {
  private SummarySection() {}

  static Section of(List<ResultRow> rows, boolean quick) {
    List<List<String>> cells = new ArrayList<>();
    for (ResultRow r : rows) {
      cells.add(List.of(r.experiment(), r.deck(), Fractions.text(r.slide()),
          Fractions.text(r.maxTestAccuracy()),
          Fractions.text(r.finalTestAccuracy()),
          ExperimentSection.points(r.differencePoints()), SlideComparison.symbol(r.mark()),
          String.format(Locale.ROOT, "%,d", r.steps()),
          String.format(Locale.ROOT, "%.1f s", r.wallSeconds()), r.status()));
    }
    List<Block> blocks = new ArrayList<>();
    if (quick) {
      blocks.add(new Block.Text("Quick run: every experiment trained for a few steps only, to "
          + "check that a machine works. These accuracies say nothing about the slides; run "
          + "graph-runner reproduce without --quick for that."));
    }
    blocks.add(new Block.Text("Max test accuracy is the best of the run's evaluations (what the "
        + "slides quote); final is the last one. Difference = max − slide, in percentage points: "
        + "✓ reached, ≈ within 0.5 pp, ✗ below."));
    blocks.add(new Block.Command("tools/graph-runner reproduce" + (quick ? " --quick" : "")));
    blocks.add(new Block.Table(List.of("experiment", "deck", "slide", "max", "final",
        "difference", "mark", "steps", "wall time", "status"), cells));
    return new Section("summary", "Experiments against the slides", blocks);
  }
}
