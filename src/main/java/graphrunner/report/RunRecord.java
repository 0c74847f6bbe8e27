package graphrunner.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import graphrunner.BuildInfo;
import graphrunner.DamagedRun;
import graphrunner.JsonFields;
import graphrunner.NotARunDirectory;
import graphrunner.ParseErrors;
import graphrunner.UnreadableFiles;
import graphrunner.fs.IoErrors;
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
 * @param bfloat16 whether it multiplied in bfloat16 ({@code --bf16}); false for older runs
 */
public record RunRecord(Path runDir, String experiment, String status, long seed, long steps,
    double maxTestAccuracy, long maxAccuracyStep, double finalTestAccuracy, double wallSeconds,
    double examplesPerSecond, String device, int threads, String started, String datasetId,
    String datasetSha256, String version, Map<String, String> hyperparameters,
    boolean bfloat16) {

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
   * summary that is truncated, lacks a field, has one of the wrong type or comes from another
   * major version is a {@link DamagedRun}. Both are one line naming the file.
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
    JsonFields fields = new JsonFields(file, json);
    String version = text(fields, "graph_runner_version");
    checkVersion(file, version);
    return fromJson(runDir, fields, version);
  }

  /** Required fields are present by now; any field of the wrong type is a {@link DamagedRun}. */
  private static RunRecord fromJson(Path runDir, JsonFields fields, String version) {
    return new RunRecord(runDir, text(fields, "experiment"), SummaryJson.status(fields),
        fields.wholeNumber("seed").orElseThrow(), fields.wholeNumber("steps").orElse(0L),
        fields.figure("max_test_accuracy"),
        fields.wholeNumber("max_test_accuracy_step").orElse(-1L),
        fields.figure("final_test_accuracy"), fields.figure("wall_seconds"),
        fields.figure("examples_per_second"), text(fields, "device"),
        fields.wholeNumber("threads").orElse(0L).intValue(), text(fields, "started"),
        text(fields, "dataset"), text(fields, "dataset_sha256"), version,
        hyperparameters(fields.object("hyperparameters").orElseThrow()),
        fields.bool("bf16").orElse(false));
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
      throw new UnreadableFiles("cannot read " + file + ": " + IoErrors.reason(e), e);
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

  private static String text(JsonFields fields, String field) {
    return fields.string(field).orElse("");
  }
}
