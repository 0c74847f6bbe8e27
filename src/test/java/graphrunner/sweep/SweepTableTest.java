package graphrunner.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.sweep.DepthRateSweep.Cell;
import graphrunner.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTableTest {

  private static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (int row = 0; row < DepthSweepNet.DECAY_STARTS.size(); row++) {
      for (int col = 0; col < DepthSweepNet.DEPTHS.size(); col++) {
        double max = 0.8 + row / 100.0 + col / 1000.0;
        var result = new TrainingResult("completed", 500, max - 0.01, max, 400, 0.5, 0.4, 12.5,
            10, 4000, "/device:CPU:0");
        cells.add(new Cell(DepthSweepNet.DEPTHS.get(col).length - 1,
            DepthSweepNet.DECAY_STARTS.get(row), result, DepthSweepNet.SLIDE[row][col]));
      }
    }
    return cells;
  }

  @Test
  void markdownHasOneRowPerDecayStartAndOneColumnPerDepth() {
    String md = new SweepTable(cells(), 500).markdown();
    assertTrue(md.contains("| decay | 3 layers | 5 layers | 7 layers |"), md);
    assertTrue(md.contains("| 0.0003 → 0.0001 | 0.8200 / 0.8100 (0.8692) | 0.8210 / 0.8110 "
        + "(0.8731) | 0.8220 / 0.8120 (0.8891) |"), md);
    assertTrue(md.contains("500 steps of batch 100 per cell"), md);
  }

  @Test
  void csvHasAHeaderAndOneLinePerCellWithTheSlidesNumber() {
    List<String> lines = new SweepTable(cells(), 500).csv().lines().toList();
    assertEquals(10, lines.size());
    assertTrue(lines.get(0).startsWith("layers,lr_max,lr_min,steps,max_test_accuracy"));
    assertEquals("7,0.03,0.0001,500,0.8020,400,0.7920,0.1116,12.5,completed", lines.get(3));
  }

  @Test
  void aStoppedCellSaysSoInTheMarkdownAndTheCellsNeverStartedKeepTheirPlaces() {
    List<Cell> cells = cells().subList(0, 5);
    Cell last = cells.get(4);
    var stopped = new TrainingResult("interrupted", 1800, 0.85, 0.86, 1700, 0.5, 0.4, 4.7, 4, 4000,
        "/device:CPU:0");
    cells = new ArrayList<>(cells.subList(0, 4));
    cells.add(new Cell(last.layers(), last.lrMax(), stopped, last.slide()));
    String md = new SweepTable(cells, 2000).markdown();
    assertTrue(md.contains("| 0.003 → 0.0001 | 0.8100 / 0.8000 (0.8832) | 0.8600 / 0.8500 "
        + "(0.882), interrupted at step 1,800 | — (0.8886), not run |\n"), md);
    assertTrue(md.contains("| 0.0003 → 0.0001 | — (0.8692), not run | — (0.8731), not run "
        + "| — (0.8891), not run |\n"), md);
    assertTrue(md.contains("(0.7706) |"), md);
  }

  @Test
  void aCellStoppedBeforeItsFirstEvaluationHasNoAccuracyInTheMarkdown() {
    List<Cell> cells = new ArrayList<>(cells().subList(0, 1));
    var stopped = new TrainingResult("interrupted", 0, Double.NaN, Double.NaN, 0, Double.NaN,
        Double.NaN, 0.3, 0, 0, "/device:CPU:0");
    cells.add(new Cell(5, 0.03, stopped, 0.7706));
    String md = new SweepTable(cells, 2000).markdown();
    assertTrue(md.contains("| — / — (0.7706), interrupted at step 0 |"), md);
    assertTrue(!md.contains("NaN"), md);
  }

  @Test
  void ratesArePrintedAsTheSlidePrintsThem() {
    assertEquals("0.0003", SweepTable.rate(0.0003));
    assertEquals("0.03", SweepTable.rate(0.03));
  }
}
