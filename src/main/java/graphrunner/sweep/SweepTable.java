package graphrunner.sweep;

import graphrunner.metrics.Fractions;
import graphrunner.sweep.DepthRateSweep.Cell;
import graphrunner.train.TrainingResult;
import java.util.List;
import java.util.Locale;

/** The sweep's results as the slide lays them out, in Markdown and CSV. */
public final class SweepTable {
  /** The file names a sweep run writes its table to, and the report reads it back from. */
  public static final String MARKDOWN = "sweep.md";
  public static final String CSV = "sweep.csv";
  /** The first line of {@link #CSV}. */
  public static final String CSV_HEADER = "layers,lr_max,lr_min,steps,max_test_accuracy,"
      + "max_step,final_test_accuracy,slide_max_test_accuracy,wall_seconds,status";

  private final List<Cell> cells;
  private final long steps;

  public SweepTable(List<Cell> cells, long steps) {
    this.cells = List.copyOf(cells);
    this.steps = steps;
  }

  /** Rows by decay start, columns by depth: "ours max / final (slide)". */
  public String markdown() {
    var md = new StringBuilder();
    md.append("# Depth × learning rate (deck 003, fc + ReLU + dropout 0.75)\n\n")
        .append(String.format(Locale.ROOT, "%,d steps of batch 100 per cell; max / final test "
            + "accuracy, the slide's number in brackets. 3 layers: 784-200-100-10, 5: "
            + "784-200-100-60-30-10, 7: 784-200-100-60-30-20-15-10 (3 and 7: our choice).%n%n",
            steps))
        .append("| decay | 3 layers | 5 layers | 7 layers |\n|---|---|---|---|\n");
    // the whole grid, whatever ran: an interrupted sweep shows which cells it never started
    for (int row = 0; row < DepthSweepNet.DECAY_STARTS.size(); row++) {
      double lrMax = DepthSweepNet.DECAY_STARTS.get(row);
      md.append("| ").append(rate(lrMax)).append(" → 0.0001 |");
      for (int column = 0; column < DepthSweepNet.DEPTHS.size(); column++) {
        int layers = DepthSweepNet.DEPTHS.get(column).length - 1;
        double slide = DepthSweepNet.SLIDE[row][column];
        md.append(cells.stream().filter(c -> c.lrMax() == lrMax && c.layers() == layers)
            .findFirst().map(cell -> String.format(Locale.ROOT, " %s / %s (%s)%s |",
                Fractions.text(cell.result().maxTestAccuracy()),
                Fractions.text(cell.result().finalTestAccuracy()), slide(slide),
                unfinished(cell.result())))
            .orElse(" — (" + slide(slide) + "), not run |"));
      }
      md.append('\n');
    }
    return md.toString();
  }

  public String csv() {
    var csv = new StringBuilder(CSV_HEADER + "\n");
    for (Cell cell : cells) {
      TrainingResult r = cell.result();
      csv.append(String.format(Locale.ROOT, "%d,%s,0.0001,%d,%.4f,%d,%.4f,%s,%.1f,%s%n",
          cell.layers(), rate(cell.lrMax()), r.steps(), r.maxTestAccuracy(), r.maxAccuracyStep(),
          r.finalTestAccuracy(), slide(cell.slide()), r.wallSeconds(), r.status()));
    }
    return csv.toString();
  }

  /** ", interrupted at step 1,800" for a cell that did not complete; empty for one that did. */
  public static String unfinished(TrainingResult result) {
    return result.completed() ? ""
        : String.format(Locale.ROOT, ", %s at step %,d", result.status(), result.steps());
  }

  /** 0.0003, not 3.0E-4. */
  public static String rate(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String slide(double value) {
    return String.valueOf(value);
  }
}
