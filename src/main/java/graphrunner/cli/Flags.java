package graphrunner.cli;

import graphrunner.fs.PhysicalPath;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;

/** Reads flag values, turning every bad one into a one-line usage error. */
final class Flags {
  private static final int MOST_THREADS = 1024;

  private Flags() {}

  static long positiveLong(CommandLine line, String flag, long fallback) {
    if (!line.hasOption(flag)) {
      return fallback;
    }
    long value = parseLong(flag, line.getOptionValue(flag));
    if (value <= 0) {
      throw bad(flag, line.getOptionValue(flag), "a whole number above 0");
    }
    return value;
  }

  static int positiveInt(CommandLine line, String flag, int fallback) {
    long value = positiveLong(line, flag, fallback);
    if (value > Integer.MAX_VALUE) {
      throw bad(flag, Long.toString(value), "a whole number up to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /**
   * A thread count: TensorFlow starts that many threads per pool at once, and 100,000 of them
   * took the process past 1.6 GB and out of reach of its signals.
   */
  static int threads(CommandLine line, String flag, int fallback) {
    int value = positiveInt(line, flag, fallback);
    int most = Math.max(MOST_THREADS, 4 * Runtime.getRuntime().availableProcessors());
    if (value > most) {
      throw bad(flag, Integer.toString(value), "a whole number from 1 to " + most);
    }
    return value;
  }

  static long anyLong(CommandLine line, String flag, long fallback) {
    return line.hasOption(flag) ? parseLong(flag, line.getOptionValue(flag)) : fallback;
  }

  /** A number in (low, high]. */
  static double number(CommandLine line, String flag, double fallback, double low, double high) {
    if (!line.hasOption(flag)) {
      return fallback;
    }
    String text = line.getOptionValue(flag);
    try {
      double value = Double.parseDouble(text);
      if (!(value > low && value <= high)) {
        throw bad(flag, text, "a number above " + low + " and at most " + high);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(flag, text, "a number");
    }
  }

  static String choice(CommandLine line, String flag, String fallback, List<String> choices) {
    String value = line.getOptionValue(flag, fallback);
    if (!choices.contains(value)) {
      throw bad(flag, value, "one of " + String.join(", ", choices));
    }
    return value;
  }

  static Path path(CommandLine line, String flag, String fallback) {
    String value = line.getOptionValue(flag, fallback);
    if (value != null && value.isBlank()) {
      // Path.of("") is the working directory: runs and models would land beside the sources
      throw bad(flag, "''", "a folder (use . for this one)");
    }
    try {
      return value == null ? null : PhysicalPath.of(Path.of(value));
    } catch (InvalidPathException e) {
      throw bad(flag, value, "a path (" + e.getReason() + ")");
    }
  }

  /**
   * Refuses two output flags that name one folder: runs, SavedModels and reports in one place
   * would be taken for each other ({@code runs} would list a model's version as a broken run).
   */
  @SafeVarargs
  static void distinctFolders(Map.Entry<String, Path>... flagsAndFolders) {
    Map<Path, String> seen = new HashMap<>();
    for (var given : flagsAndFolders) {
      String other = seen.putIfAbsent(given.getValue().toAbsolutePath().normalize(),
          given.getKey());
      if (other != null) {
        throw new UserError(ExitCode.USAGE, "--" + other + " and --" + given.getKey()
            + " name the same folder, " + given.getValue() + ": give each its own");
      }
    }
  }

  /** The one positional argument a command needs, e.g. the experiment id. */
  static String single(CommandLine line, String what) {
    List<String> args = line.getArgList();
    if (args.size() != 1) {
      throw new UserError(ExitCode.USAGE, args.isEmpty() ? "missing " + what
          : "expected one " + what + ", got " + String.join(" ", args));
    }
    return args.get(0);
  }

  private static long parseLong(String flag, String text) {
    try {
      return Long.parseLong(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw bad(flag, text, "a whole number");
    }
  }

  private static UserError bad(String flag, String value, String expected) {
    return new UserError(ExitCode.USAGE, "--" + flag + " " + value + ": expected " + expected);
  }
}
