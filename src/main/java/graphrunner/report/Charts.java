package graphrunner.report;

import graphrunner.export.ConfusionMatrix;
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
   * Test and train loss on a logarithmic axis: a first evaluation in the thousands (cnn-batchnorm's
   * untrained batch norm) would otherwise flatten the rest of the curve onto the x axis.
   */
  public static byte[] loss(String experiment, RunCurves curves) {
    XYChart chart = lineChart(experiment + ": loss (log scale)", "loss");
    add(chart, "test", positive(curves.testLoss()));
    add(chart, "train", positive(curves.trainLoss()));
    chart.getStyler().setYAxisLogarithmic(true);
    return png(chart);
  }

  public static byte[] learningRate(String experiment, RunCurves curves) {
    XYChart chart = lineChart(experiment + ": learning rate", "learning rate");
    add(chart, "learning rate", curves.learningRate());
    return png(chart);
  }

  /** A matrix of numbers as a heat map, each cell printed with {@code pattern}. */
  public static byte[] heatMap(String title, List<String> columns, List<String> rows,
      double[][] values, String pattern) {
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 60).title(title)
        .build();
    chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern(pattern)
        .setRangeColors(HEAT).setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        cells.add(new Number[] {c, r, values[r][c]});
      }
    }
    chart.addSeries(title, columns, rows, cells);
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

  /** A log axis cannot show zero, negative or non-finite values; they are left out. */
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
    return name.length() <= 8 ? name : name.substring(0, 7) + ".";
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
