package graphrunner.train.listener;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import graphrunner.DamagedRun;
import graphrunner.JsonFields;
import graphrunner.ParseErrors;
import graphrunner.UnreadableFiles;
import graphrunner.UnwritableOutput;
import graphrunner.fs.AtomicFile;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a run's {@code summary.json}: strict JSON (a number that is not finite is
 * written as null, its value named under {@code non_finite}), mode 0644 like every other output,
 * and replaced in one rename, so the file is always whole.
 */
public final class SummaryJson {
  public static final String FILE_NAME = "summary.json";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
      .create();

  private SummaryJson() {}

  public static Path file(Path runDir) {
    return runDir.resolve(FILE_NAME);
  }

  /** The run's summary; a missing or unreadable one is the user's data error. */
  public static JsonObject read(Path runDir) {
    Path file = file(runDir);
    try {
      JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!json.isJsonObject()) {
        throw new DamagedRun(file + " is not a JSON object");
      }
      return json.getAsJsonObject();
    } catch (NoSuchFileException e) {
      throw new DamagedRun(runDir + " is not a run directory (no " + FILE_NAME
          + ")");
    } catch (JsonParseException e) {
      throw new DamagedRun(file + " is not valid JSON (truncated?): " + ParseErrors.reason(e));
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read " + file + ": " + IoErrors.reason(e), e);
    }
  }

  /**
   * The run's status as it stands now: a summary says {@code running} from its run's start, which
   * stays true only while the process of its latest segment lives; once that process is gone
   * (SIGKILL, power loss), the run was {@code killed}.
   */
  public static String status(JsonFields summary) {
    String status = summary.string("status").orElseThrow(() -> new DamagedRun(summary.file()
        + " lacks \"status\" (not a graph-runner summary, or written incompletely)"));
    if (!status.equals("running")) {
      return status;
    }
    return lastPid(summary).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)
        ? "running" : "killed";
  }

  /** The pid of the process that ran the latest segment, if recorded. */
  public static Optional<Long> lastPid(JsonFields summary) {
    List<JsonFields> segments = summary.objects("segments").orElse(List.of());
    return segments.isEmpty() ? Optional.empty()
        : segments.get(segments.size() - 1).wholeNumber("pid");
  }

  /** Writes {@code summary}, replacing non-finite numbers, atomically. */
  public static void write(Path runDir, JsonObject summary) {
    JsonObject strict = strict(summary);
    Path target = file(runDir);
    try {
      AtomicFile.writeString(target, GSON.toJson(strict) + "\n");
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnwritableOutput("cannot write " + target + ": " + IoErrors.reason(e), e);
    }
  }

  private static JsonObject strict(JsonObject summary) {
    JsonObject copy = summary.deepCopy();
    JsonObject nonFinite = new JsonObject();
    for (String key : summary.keySet()) {
      JsonElement value = summary.get(key);
      if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
          && !Double.isFinite(value.getAsDouble())) {
        copy.add(key, JsonNull.INSTANCE);
        nonFinite.addProperty(key, Double.toString(value.getAsDouble()));
      }
    }
    copy.remove("non_finite");
    if (!nonFinite.isEmpty()) {
      copy.add("non_finite", nonFinite);
    }
    return copy;
  }
}
