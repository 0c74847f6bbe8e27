package graphrunner.cli;

import com.google.gson.JsonObject;
import graphrunner.JsonFields;
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

  /**
   * Reads the run; a field of the wrong type is a {@link graphrunner.DamagedRun} now, before
   * resume or export change the run (a resumed summary keeps its fields, so would stay damaged).
   */
  static RecordedRun read(Path dir) {
    RecordedRun run = new RecordedRun(dir, SummaryJson.read(dir));
    JsonFields fields = run.fields();
    fields.string("experiment");
    fields.string("status");
    fields.object("hyperparameters");
    fields.wholeNumber("seed");
    fields.wholeNumber("steps");
    fields.strings("arguments");
    fields.objects("segments").ifPresent(segments -> segments.forEach(s -> s.wholeNumber("pid")));
    return run;
  }

  String experimentId() {
    return text("experiment");
  }

  /** {@code completed}, {@code interrupted}, {@code diverged}, {@code running} or {@code killed}. */
  String status() {
    text("status"); // present, or the summary is damaged
    return SummaryJson.status(fields());
  }

  /** Stopped midway by a signal, or killed: what {@code --resume} continues. */
  boolean resumable() {
    String status = status();
    return status.equals("interrupted") || status.equals("killed");
  }

  Optional<Long> lastPid() {
    return SummaryJson.lastPid(fields());
  }

  Checkpoint newestCheckpoint() {
    return new Checkpoints(dir).newest().orElseThrow(() -> new UserError(ExitCode.DATA, dir
        + " has no checkpoint (the run was killed before its first one): start it again with: "
        + Launcher.command() + " train " + recordedCommandLine()));
  }

  /** The recorded {@code train} arguments as a shell would take them; the id if none. */
  private String recordedCommandLine() {
    List<String> recorded = fields().strings("arguments").orElse(List.of());
    if (recorded.isEmpty()) {
      return experimentId();
    }
    return String.join(" ", recorded.stream().map(Launcher::shellWord).toList());
  }

  /**
   * The recorded {@code train} arguments parsed with {@code options}, each flag of
   * {@code overrides} replacing the recorded one (e.g. a data folder that moved).
   */
  CommandLine replay(Options options, Map<String, String> overrides) {
    List<String> recorded = fields().strings("arguments").orElseThrow(() ->
        new UserError(ExitCode.DATA, SummaryJson.file(dir) + " records no \"arguments\" "
          + "(damaged, or written by an older graph-runner): it cannot be replayed"));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      String arg = recorded.get(i);
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

  private JsonFields fields() {
    return new JsonFields(SummaryJson.file(dir), summary);
  }

  private String text(String key) {
    return fields().string(key).orElseThrow(() -> new UserError(ExitCode.DATA, "damaged "
        + SummaryJson.file(dir) + ": no " + key));
  }
}
