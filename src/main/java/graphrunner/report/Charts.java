package graphrunner.report;

import graphrunner.metrics.ConfusionMatrix;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn by XChart and encoded as PNG (no display needed). */
public final class Charts {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 360;
  /** A first loss this many times the largest later one is drawn off scale. */
  static final double OFF_SCALE = 20;
  private static final Color SLIDE = new Color(200, 60, 60);
  private static final Color[] HEAT = {new Color(247, 251, 255), new Color(107, 174, 214),
      new Color(8, 48, 107)};

  private Charts() {}

  /** Test and train accuracy, with the slide's figure as a dashed horizontal line. */
  public static byte[] accuracy(String experiment, RunCurves curves, double slide) {
    XYChart chart = lineChart(experiment + ": accuracy", "accuracy");
    add(chart, "test", curves.testAccuracy());
    add(chart, "train", curves.trainAccuracy());
    if (!Double.isNaN(slide) && !curves.testAccuracy().isEmpty()) {
      long last = Math.max(curves.testAccuracy().lastKey(), 1);
      XYSeries line = chart.addSeries("slide " + percent(slide), new double[] {0, last},
          new double[] {slide, slide});
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(SLIDE);
      line.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
              java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return png(chart);
  }

  /**
   * Test and train loss. When the first points dwarf the rest (cnn-batchnorm's untrained batch
   * norm gives a first test loss around 1e12, the rest lie around 20-40), the axis stops at 1.2 ×
   * the largest later value and the title gives the off-scale value: a log axis would still press
   * the part worth reading into its bottom decade.
   */
  public static byte[] loss(String experiment, RunCurves curves) {
    NavigableMap<Long, Double> test = positive(curves.testLoss());
    NavigableMap<Long, Double> train = positive(curves.trainLoss());
    double later = Math.max(maxAfterFirst(test), maxAfterFirst(train));
    double first = Math.max(test.isEmpty() ? 0 : test.firstEntry().getValue(),
        train.isEmpty() ? 0 : train.firstEntry().getValue());
    boolean clip = later > 0 && first > OFF_SCALE * later;
    XYChart chart = lineChart(experiment + ": loss" + (clip ? String.format(java.util.Locale.ROOT,
        " (first evaluation %.3g, off scale)", first) : ""), "loss");
    add(chart, "test", test);
    add(chart, "train", train);
    if (clip) {
      chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.2 * later);
    }
    return png(chart);
  }

  private static double maxAfterFirst(NavigableMap<Long, Double> values) {
    return values.size() < 2 ? 0
        : values.tailMap(values.firstKey(), false).values().stream()
            .mapToDouble(Double::doubleValue).max().orElse(0);
  }

  public static byte[] learningRate(String experiment, RunCurves curves) {
    XYChart chart = lineChart(experiment + ": learning rate", "learning rate");
    add(chart, "learning rate", curves.learningRate());
    return png(chart);
  }

  /** A matrix of numbers as a heat map, row 0 on top as in a table, each cell printed. */
  public static byte[] heatMap(String title, List<String> columns, List<String> rows,
      double[][] values, String pattern) {
    int side = Math.max(columns.size(), rows.size());
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(WIDTH, 70 * side + 200))
        .height(Math.max(HEIGHT + 60, 52 * side + 120)).title(title).build();
    chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern(pattern)
        .setRangeColors(HEAT).setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    List<Number[]> cells = new ArrayList<>();
    int last = rows.size() - 1;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        cells.add(new Number[] {c, last - r, values[r][c]}); // XChart's y axis grows upwards
      }
    }
    List<String> upwards = new ArrayList<>(rows);
    java.util.Collections.reverse(upwards);
    chart.addSeries(title, columns, upwards, cells);
    return png(chart);
  }

  /** Rows the true classes, columns the predictions. */
  public static byte[] confusion(ConfusionMatrix matrix, List<String> classNames) {
    double[][] counts = new double[matrix.classes()][matrix.classes()];
    for (int r = 0; r < counts.length; r++) {
      for (int c = 0; c < counts.length; c++) {
        counts[r][c] = matrix.count(r, c);
      }
    }
    List<String> names = classNames.stream().map(Charts::shortName).toList();
    return heatMap("confusion matrix (rows: true class, columns: predicted)", names, names,
        counts, "0");
  }

  private static XYChart lineChart(String title, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("step").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideSE).setMarkerSize(0)
        .setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static void add(XYChart chart, String name, NavigableMap<Long, Double> values) {
    if (values.isEmpty()) {
      return;
    }
    double[] x = values.keySet().stream().mapToDouble(Long::doubleValue).toArray();
    double[] y = values.values().stream().mapToDouble(Double::doubleValue).toArray();
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
  }

  /** Loss is positive; zero, negative or non-finite values (a diverged run) are left out. */
  private static NavigableMap<Long, Double> positive(NavigableMap<Long, Double> values) {
    var kept = new java.util.TreeMap<Long, Double>();
    values.forEach((step, v) -> {
      if (v > 0 && Double.isFinite(v)) {
        kept.put(step, v);
      }
    });
    return kept;
  }

  private static String shortName(String name) {
    return name.length() <= 7 ? name : name.substring(0, 6).strip() + ".";
  }

  private static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.2f %%", fraction * 100);
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // encoding into memory: not an I/O failure of ours
    }
  }
}
