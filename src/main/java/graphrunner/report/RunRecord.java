package graphrunner.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import graphrunner.BuildInfo;
import graphrunner.DamagedRun;
import graphrunner.NotARunDirectory;
import graphrunner.ParseErrors;
import graphrunner.UnreadableFiles;
import graphrunner.train.listener.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished or interrupted run as its {@code summary.json} describes it. Read with Gson as a
 * file format, independently of the writer's code.
 *
 * @param version the graph-runner version that wrote it; "" for runs older than that field
 * @param datasetSha256 the checksum of the data it trained on; "" for older runs
 * @param hyperparameters the summary's settings as text (steps, batch_size, learning_rate, ...)
 */
public record RunRecord(Path runDir, String experiment, String status, long seed, long steps,
    double maxTestAccuracy, long maxAccuracyStep, double finalTestAccuracy, double wallSeconds,
    double examplesPerSecond, String device, int threads, String started, String datasetId,
    String datasetSha256, String version, Map<String, String> hyperparameters) {

  public static final String SUMMARY = "summary.json";
  /**
   * What every summary has, from the moment its run starts; the figures come when it ends (a
   * figure that is not a number is written as null), so they may be missing or null.
   */
  private static final List<String> REQUIRED = List.of("experiment", "status", "seed",
      "hyperparameters");

  public boolean completed() {
    return "completed".equals(status);
  }

  /** Whether {@code dir} holds a summary.json at all (written when a run starts). */
  public static boolean hasSummary(Path dir) {
    return Files.isRegularFile(dir.resolve(SUMMARY));
  }

  /**
   * Reads {@code runDir/summary.json}. A folder without one is {@link NotARunDirectory}; a
   * summary that is truncated, lacks a field or comes from another major version is a
   * {@link DamagedRun}. Both are one line naming the file.
   */
  public static RunRecord read(Path runDir) {
    Path file = runDir.resolve(SUMMARY);
    if (!Files.isDirectory(runDir) || !Files.isRegularFile(file)) {
      throw new NotARunDirectory(runDir + " is not a run directory (no " + SUMMARY
          + "; runs are <logdir>/<experiment>/<timestamp>/)");
    }
    JsonObject json = parse(file);
    for (String field : REQUIRED) {
      if (!json.has(field) || json.get(field).isJsonNull()) {
        throw new DamagedRun(file + " lacks \"" + field
            + "\" (not a graph-runner summary, or written incompletely)");
      }
    }
    String version = text(json, "graph_runner_version");
    checkVersion(file, version);
    return fromJson(runDir, json, version);
  }

  private static RunRecord fromJson(Path runDir, JsonObject json, String version) {
    return new RunRecord(runDir, text(json, "experiment"), SummaryJson.status(json),
        json.get("seed").getAsLong(), json.has("steps") ? json.get("steps").getAsLong() : 0,
        number(json, "max_test_accuracy"), json.has("max_test_accuracy_step")
            ? json.get("max_test_accuracy_step").getAsLong() : -1,
        number(json, "final_test_accuracy"), number(json, "wall_seconds"),
        number(json, "examples_per_second"), text(json, "device"),
        json.has("threads") ? json.get("threads").getAsInt() : 0, text(json, "started"),
        text(json, "dataset"), text(json, "dataset_sha256"), version,
        hyperparameters(json.getAsJsonObject("hyperparameters")));
  }

  private static JsonObject parse(Path file) {
    try {
      JsonElement element = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!element.isJsonObject()) {
        throw new DamagedRun(file + " is not a JSON object");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new DamagedRun(file + " is not valid JSON (truncated?): "
          + ParseErrors.reason(e), e);
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Summaries of our major version (or older ones, without the field) are understood. */
  private static void checkVersion(Path file, String version) {
    if (version.isEmpty()) {
      return;
    }
    String ours = BuildInfo.version();
    if (!version.matches("\\d+\\.\\d+\\.\\d+.*")
        || (!ours.equals("unknown") && !major(version).equals(major(ours)))) {
      throw new DamagedRun(file + " was written by graph-runner " + version
          + ", a version this graph-runner (" + ours + ") does not know");
    }
  }

  private static String major(String version) {
    return version.substring(0, version.indexOf('.'));
  }

  private static Map<String, String> hyperparameters(JsonObject json) {
    Map<String, String> values = new TreeMap<>();
    json.entrySet().forEach(e -> values.put(e.getKey(), e.getValue().isJsonPrimitive()
        ? e.getValue().getAsString() : e.getValue().toString()));
    return values;
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  private static double number(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      return Double.NaN;
    }
    try {
      return value.getAsDouble();
    } catch (NumberFormatException e) {
      return Double.NaN; // NaN and Infinity are written as text
    }
  }
}
