package graphrunner.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import graphrunner.train.Checkpoint;
import graphrunner.train.Checkpoints;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * A run directory as {@code train --resume} and {@code export} read it: its summary.json, the
 * {@code train} arguments it recorded (which replay its exact settings), and its checkpoints.
 */
record RecordedRun(Path dir, JsonObject summary) {

  static RecordedRun read(Path dir) {
    return new RecordedRun(dir, SummaryJson.read(dir));
  }

  String experimentId() {
    return text("experiment");
  }

  /** {@code completed}, {@code interrupted}, {@code diverged}, {@code running} or {@code killed}. */
  String status() {
    text("status"); // present, or the summary is damaged
    return SummaryJson.status(summary);
  }

  /** Stopped midway by a signal, or killed: what {@code --resume} continues. */
  boolean resumable() {
    String status = status();
    return status.equals("interrupted") || status.equals("killed");
  }

  Optional<Long> lastPid() {
    return SummaryJson.lastPid(summary);
  }

  Checkpoint newestCheckpoint() {
    return new Checkpoints(dir).newest().orElseThrow(() -> new UserError(ExitCode.DATA, dir
        + " has no checkpoint (the run was killed before its first one): start it again with: "
        + Launcher.command() + " train " + recordedCommandLine()));
  }

  /** The recorded {@code train} arguments as a shell would take them; the id if none. */
  private String recordedCommandLine() {
    JsonArray recorded = summary.getAsJsonArray("arguments");
    if (recorded == null || recorded.isEmpty()) {
      return experimentId();
    }
    List<String> words = new ArrayList<>();
    recorded.forEach(arg -> words.add(Launcher.shellWord(arg.getAsString())));
    return String.join(" ", words);
  }

  /**
   * The recorded {@code train} arguments parsed with {@code options}, each flag of
   * {@code overrides} replacing the recorded one (e.g. a data folder that moved).
   */
  CommandLine replay(Options options, Map<String, String> overrides) {
    JsonArray recorded = summary.getAsJsonArray("arguments");
    if (recorded == null) {
      throw new UserError(ExitCode.DATA, SummaryJson.file(dir) + " records no \"arguments\" "
          + "(damaged, or written by an older graph-runner): it cannot be replayed");
    }
    List<String> args = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      String arg = recorded.get(i).getAsString();
      String flag = arg.startsWith("--") ? arg.substring(2) : null;
      boolean valued = flag != null && options.hasLongOption(flag)
          && options.getOption(flag).hasArg();
      if (flag != null && overrides.containsKey(flag)) {
        i += valued ? 1 : 0;
        continue;
      }
      args.add(arg);
    }
    overrides.forEach((flag, value) -> {
      args.add("--" + flag);
      if (value != null) {
        args.add(value);
      }
    });
    try {
      return new DefaultParser().parse(options, args.toArray(String[]::new));
    } catch (ParseException e) {
      throw new UserError(ExitCode.DATA, "cannot replay the arguments of " + dir + ": "
          + e.getMessage());
    }
  }

  private String text(String key) {
    JsonElement value = summary.get(key);
    if (value == null || !value.isJsonPrimitive()) {
      throw new UserError(ExitCode.DATA, "damaged " + SummaryJson.file(dir) + ": no " + key);
    }
    return value.getAsString();
  }
}
