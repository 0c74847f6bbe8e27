package graphrunner.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
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

  /** NaN (no slide figure) is written as null: JSON has no NaN. */
  static String json(List<ResultRow> rows) {
    JsonArray array = new JsonArray();
    var gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    for (ResultRow row : rows) {
      JsonObject object = gson.toJsonTree(row).getAsJsonObject();
      for (String key : List.copyOf(object.keySet())) {
        JsonElement value = object.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
            && Double.isNaN(value.getAsDouble())) {
          object.add(key, JsonNull.INSTANCE);
        }
      }
      array.add(object);
    }
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
        .toJson(array) + "\n";
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
