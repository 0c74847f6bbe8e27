package graphrunner.metrics;

import java.util.Locale;

/** How an accuracy or another fraction is printed: in the report, the sweep's table and lines. */
public final class Fractions {
  private Fractions() {}

  /** "0.8938" (four decimals); "—" for a figure a run does not have (NaN, e.g. stopped early). */
  public static String text(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.4f", value);
  }
}
