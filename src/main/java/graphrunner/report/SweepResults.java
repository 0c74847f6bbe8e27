package graphrunner.report;

import graphrunner.DamagedRun;
import graphrunner.UnreadableFiles;
import graphrunner.fs.IoErrors;
import graphrunner.metrics.Fractions;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.sweep.SweepTable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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

  static final int GRID_CELLS = DEPTHS.size() * RATES.size();

  private record Cell(String layers, String lrMax, long steps, double max, double fin,
      double slide) {}

  private final Path dir;
  private final List<Cell> cells;

  private SweepResults(Path dir, List<Cell> cells) {
    this.dir = dir;
    this.cells = cells;
  }

  /**
   * Reads {@code dir/sweep.csv}; one that is empty, not text, cut short, not numeric where
   * numbers go, or names a cell twice or off the grid is a {@link DamagedRun} saying which line.
   */
  static SweepResults read(Path dir) {
    Path file = dir.resolve(CSV);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (CharacterCodingException e) {
      throw new DamagedRun(file + " is not a sweep table: not text", e);
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read " + file + ": " + IoErrors.reason(e), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(SweepTable.CSV_HEADER)) {
      throw new DamagedRun(file + " is not a sweep table: " + (lines.isEmpty() ? "empty"
          : "its first line is not the table's header"));
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      Cell cell = cell(file, i + 1, lines.get(i));
      if (cells.stream().anyMatch(c -> c.layers().equals(cell.layers())
          && c.lrMax().equals(cell.lrMax()))) {
        throw new DamagedRun(file + " is not a sweep table: line " + (i + 1) + " repeats the "
            + "cell of " + cell.layers() + " layers, lr_max " + cell.lrMax());
      }
      cells.add(cell);
    }
    return new SweepResults(dir, cells);
  }

  private static Cell cell(Path file, int lineNumber, String line) {
    String[] f = line.split(",", -1);
    String where = file + " is not a sweep table: line " + lineNumber;
    if (f.length != SweepTable.CSV_HEADER.split(",").length) {
      throw new DamagedRun(where + " has " + f.length + " fields, not "
          + SweepTable.CSV_HEADER.split(",").length + " (cut short?)");
    }
    if (!DEPTHS.contains(f[0]) || !RATES.contains(f[1])) {
      throw new DamagedRun(where + " is no cell of the grid (" + f[0] + " layers, lr_max "
          + f[1] + ")");
    }
    try {
      return new Cell(f[0], f[1], Long.parseLong(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[6]), Double.parseDouble(f[7]));
    } catch (NumberFormatException e) {
      throw new DamagedRun(where + " has text where a number goes", e);
    }
  }

  /** Cells the sweep ran; fewer than {@link #GRID_CELLS} when it was stopped. */
  int cellCount() {
    return cells.size();
  }

  boolean complete() {
    return cells.size() == GRID_CELLS;
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
