package graphrunner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The {@code train} arguments a run records in summary.json so that {@code --resume} and
 * {@code export} rebuild exactly its settings: the flags as given, with the seed, the step count
 * and the precision made explicit (a drawn seed, {@code --epochs} turned into steps, the CPU's
 * {@code --bf16} default: a run resumed on another CPU keeps its precision) and paths made
 * absolute.
 */
final class TrainArguments {
  /** Flags that say how to run this process, not what the run is. */
  private static final Set<String> NOT_RECORDED = Set.of("resume", "debug", "verbose", "help",
      "steps", "epochs", "seed", "bf16");
  private static final Set<String> PATHS = Set.of("data-dir", "logdir", "export-dir");

  private TrainArguments() {}

  static List<String> record(CommandLine line, String experimentId, long steps, long seed,
      boolean bfloat16) {
    List<String> args = new ArrayList<>(List.of(experimentId));
    for (Option option : line.getOptions()) {
      if (NOT_RECORDED.contains(option.getLongOpt())) {
        continue;
      }
      args.add("--" + option.getLongOpt());
      if (option.hasArg()) {
        String value = option.getValue();
        args.add(PATHS.contains(option.getLongOpt())
            ? Path.of(value).toAbsolutePath().normalize().toString() : value);
      }
    }
    args.addAll(List.of("--steps", Long.toString(steps), "--seed", Long.toString(seed),
        "--bf16", TrainingFlags.onOff(bfloat16)));
    return args;
  }
}
