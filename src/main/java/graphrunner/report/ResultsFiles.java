package graphrunner.report;

import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Locale;

/** results.csv and results.json: one row per experiment, for spreadsheets and scripts. */
final class ResultsFiles {
  static final String HEADER = "experiment,deck,slide,max_test_accuracy,final_test_accuracy,"
      + "difference_points,mark,steps,wall_seconds,examples_per_second,seed,device,status,run_dir";

  private ResultsFiles() {}

  static String csv(List<ResultRow> rows) {
    var csv = new StringBuilder(HEADER).append('\n');
    for (ResultRow r : rows) {
      csv.append(String.join(",", r.experiment(), quote(r.deck()), number(r.slide()),
          number(r.maxTestAccuracy()), number(r.finalTestAccuracy()),
          number(r.differencePoints()), quote(r.mark()), Long.toString(r.steps()),
          number(r.wallSeconds()), number(r.examplesPerSecond()), Long.toString(r.seed()),
          quote(r.device()), r.status(), quote(r.runDir()))).append('\n');
    }
    return csv.toString();
  }

  static String json(List<ResultRow> rows) {
    return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
        .disableHtmlEscaping().create().toJson(rows) + "\n";
  }

  /** Empty for NaN, so a spreadsheet sees a missing value rather than text. */
  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }

  private static String quote(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
