package graphrunner.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Our accuracy against the slide's: the figure as a fraction, and the verdict. */
public final class SlideComparison {
  /** Half a percentage point: closer than that is run-to-run noise on 10,000 test images. */
  public static final double WITHIN_POINTS = 0.5;
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%)?");

  private SlideComparison() {}

  /** "83.13 %" → 0.8313, "0.82 (notebook)" → 0.82, "—" → NaN. */
  public static double slideFraction(String slideText) {
    Matcher m = NUMBER.matcher(slideText);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return m.group(2) != null || value > 1 ? value / 100 : value;
  }

  /** (ours − slide) in percentage points. */
  public static double differencePoints(double ours, double slide) {
    return Double.isNaN(slide) ? Double.NaN : (ours - slide) * 100;
  }

  /** "reached", "within 0.5 pp", "below", or "no slide figure". */
  public static String mark(double ours, double slide) {
    if (Double.isNaN(slide)) {
      return "no slide figure";
    }
    double points = differencePoints(ours, slide);
    if (points >= -1e-9) {
      return "reached";
    }
    return points >= -WITHIN_POINTS ? "within 0.5 pp" : "below";
  }

  /** ✓ / ≈ / ✗ for tables. */
  public static String symbol(String mark) {
    return switch (mark) {
      case "reached" -> "✓ reached";
      case "within 0.5 pp" -> "≈ within 0.5 pp";
      case "below" -> "✗ below";
      default -> "—";
    };
  }
}
