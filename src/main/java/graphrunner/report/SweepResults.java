package graphrunner.report;

import graphrunner.DamagedRun;
import graphrunner.metrics.Fractions;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.sweep.SweepTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The depth × rate sweep read back from a sweep run's {@code sweep.csv}, as a report section. */
final class SweepResults {
  static final String CSV = SweepTable.CSV;
  private static final List<String> DEPTHS = DepthSweepNet.DEPTHS.stream()
      .map(widths -> Integer.toString(widths.length - 1)).toList();
  private static final List<String> RATES = DepthSweepNet.DECAY_STARTS.stream()
      .map(SweepTable::rate).toList();

  private record Cell(String layers, String lrMax, long steps, double max, double fin,
      double slide) {}

  private final Path dir;
  private final List<Cell> cells;

  private SweepResults(Path dir, List<Cell> cells) {
    this.dir = dir;
    this.cells = cells;
  }

  static SweepResults read(Path dir) {
    Path file = dir.resolve(CSV);
    try {
      List<String> lines = Files.readAllLines(file);
      List<Cell> cells = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        cells.add(new Cell(f[0], f[1], Long.parseLong(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
            Double.parseDouble(f[7])));
      }
      return new SweepResults(dir, cells);
    } catch (IOException | RuntimeException e) {
      throw new DamagedRun(file + " is not a sweep table (" + e.getMessage() + ")", e);
    }
  }

  boolean complete() {
    return cells.size() == DEPTHS.size() * RATES.size();
  }

  Section section() {
    List<List<String>> rows = new ArrayList<>();
    double[][] ours = new double[RATES.size()][DEPTHS.size()];
    double[][] slide = new double[RATES.size()][DEPTHS.size()];
    for (Cell c : cells) {
      int r = RATES.indexOf(c.lrMax());
      int d = DEPTHS.indexOf(c.layers());
      if (r >= 0 && d >= 0) {
        ours[r][d] = c.max();
        slide[r][d] = c.slide();
      }
      rows.add(List.of(c.layers(), c.lrMax() + " → 0.0001", Fractions.text(c.max()),
          Fractions.text(c.fin()), Fractions.text(c.slide()),
          ExperimentSection.points((c.max() - c.slide()) * 100)));
    }
    List<String> depthNames = DEPTHS.stream().map(d -> d + " layers").toList();
    List<String> rateNames = RATES.stream().map(r -> r + " → 0.0001").toList();
    return new Section("sweep", "Depth × learning rate (deck 003)", List.of(
        new Block.Text(String.format(Locale.ROOT, "fc + ReLU + dropout 0.75, %d of 9 cells, "
            + "from %s. Widths of the 3- and 7-layer nets are our choice.", cells.size(), dir)),
        new Block.Command("tools/graph-runner sweep --seed 42 --steps "
            + cells.stream().mapToLong(Cell::steps).max().orElse(0)),
        new Block.Table(List.of("layers", "decay", "max test accuracy", "final",
            "slide", "difference"), rows),
        new Block.Figure("Our max test accuracy per cell",
            Charts.heatMap("ours: max test accuracy", depthNames, rateNames, ours, "0.000")),
        new Block.Figure("The slide's numbers",
            Charts.heatMap("slide: max test accuracy", depthNames, rateNames, slide, "0.000"))));
  }
}
