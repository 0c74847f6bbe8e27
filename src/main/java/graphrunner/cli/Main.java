package graphrunner.cli;

import graphrunner.GraphRunnerException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code graph-runner COMMAND [options]}: the command-line edge. Users' mistakes become one line
 * on stderr and a distinct exit code; a stack trace only with {@code --debug}.
 */
public final class Main {
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Console console;

  Main(Console console) {
    this.console = console;
    for (Command c : List.of(new ListCommand(), new DescribeCommand(), new TrainCommand(),
        new ExportCommand(), new GraphCommand(), new InspectCommand(), new PredictCommand(),
        new ExamplesCommand(), new SweepCommand(), new BenchCommand(),
        new ReproduceCommand(this::run), new ReportCommand(), new RunsCommand())) {
      commands.put(c.name(), c);
    }
  }

  /** The command table, in the order {@code --help} lists it (for tests). */
  List<Command> commands() {
    return List.copyOf(commands.values());
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    useLauncherStderr();
    System.exit(new Main(Console.system()).run(args).code());
  }

  /**
   * The launcher filters TensorFlow's native log lines out of fd 2 and hands us the unfiltered
   * stderr as another descriptor ({@code GRAPH_RUNNER_STDERR_FD}); our own stderr goes there.
   * The descriptor itself is written to, not a reopened {@code /dev/fd/N}: reopening a regular
   * file would truncate it and write at an offset of its own, over what stdout wrote. Java has no
   * public way to wrap a descriptor number, hence the reflection (the launcher opens
   * {@code java.io} to it); without it, our stderr simply stays on the filtered fd 2.
   */
  private static void useLauncherStderr() {
    String fd = System.getenv("GRAPH_RUNNER_STDERR_FD");
    if (fd == null || !fd.matches("\\d{1,4}")) {
      return;
    }
    try {
      var descriptor = new FileDescriptor();
      Field number = FileDescriptor.class.getDeclaredField("fd");
      number.setAccessible(true);
      number.setInt(descriptor, Integer.parseInt(fd));
      System.setErr(new PrintStream(new FileOutputStream(descriptor), true,
          StandardCharsets.UTF_8));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // keep the inherited stderr: our lines then pass through the filter, nothing is lost
    }
  }

  ExitCode run(String[] args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    if (args.length == 0) {
      console.err().println("graph-runner: missing COMMAND (" + Launcher.command()
          + " --help lists them)");
      return ExitCode.USAGE;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printUsage();
      return ExitCode.OK;
    }
    try {
      Command command = commands.get(args[0]);
      if (command == null) {
        throw new UserError(ExitCode.USAGE, "unknown command '" + args[0] + "' (commands: "
            + String.join(", ", commands.keySet()) + ")");
      }
      Options options = withCommonFlags(command.options());
      CommandLine line = parse(options, Arrays.copyOfRange(args, 1, args.length));
      if (line.hasOption("help")) {
        printHelp(command, options);
        return ExitCode.OK;
      }
      if (command.arguments().isEmpty() && !line.getArgList().isEmpty()) {
        throw new UserError(ExitCode.USAGE, command.name() + " takes no arguments, got "
            + String.join(" ", line.getArgList()) + " (see --help)");
      }
      command.run(line, console);
      if (console.out().checkError()) { // PrintStream swallows its write errors: ask
        throw new UserError(ExitCode.IO, "cannot write the output (standard output is closed "
            + "or full)");
      }
      return ExitCode.OK;
    } catch (UserError | GraphRunnerException e) {
      console.err().println("graph-runner: " + oneLine(e.getMessage()));
      if (debug) {
        e.printStackTrace(console.err());
      }
      return ExitCodes.of(e);
    } catch (OutOfMemoryError e) {
      console.err().println("graph-runner: out of Java heap (at most "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give the JVM more, e.g. "
          + "GRAPH_RUNNER_JAVA_OPTS=-Xmx4g");
      return ExitCode.INTERNAL;
    } catch (RuntimeException | Error e) {
      console.err().println("graph-runner: internal error: " + oneLine(e.toString())
          + (debug ? "" : " (run again with --debug for the stack trace)"));
      if (debug) {
        e.printStackTrace(console.err());
      }
      return ExitCode.INTERNAL;
    }
  }

  /**
   * TensorFlow's messages often run over several lines (the error, then "[[{{node ...}}]]" or a
   * blank line and a hint): joined, so that every error is one line a script can grep.
   */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R+\\s*", " ");
  }

  private static Options withCommonFlags(Options options) {
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    options.addOption(Option.builder().longOpt("debug")
        .desc("show stack traces of errors").build());
    return options;
  }

  private static CommandLine parse(Options options, String[] args) {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (MissingArgumentException e) {
      // "--logdir -hruns": the parser takes a value starting with '-' for a flag
      String flag = e.getOption().hasLongOpt() ? "--" + e.getOption().getLongOpt()
          : "-" + e.getOption().getOpt();
      throw new UserError(ExitCode.USAGE, flag + " needs a value (one that starts with '-' is "
          + "written " + flag + "=VALUE; see --help)");
    } catch (ParseException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage() + " (see --help)");
    }
    // the parser keeps the first of two values and drops the second unchecked: say so instead
    Set<String> seen = new HashSet<>();
    for (Option option : line.getOptions()) {
      String flag = option.hasLongOpt() ? "--" + option.getLongOpt() : "-" + option.getOpt();
      if (!seen.add(flag)) {
        throw new UserError(ExitCode.USAGE, flag + " is given more than once");
      }
    }
    return line;
  }

  private void printHelp(Command command, Options options) {
    var formatter = new HelpFormatter();
    formatter.setWidth(100);
    var writer = new PrintWriter(console.out());
    formatter.printHelp(writer, 100, "graph-runner " + command.name() + " "
        + command.arguments() + " [options]", command.summary(), options, 2, 2, null);
    writer.flush();
  }

  private void printUsage() {
    console.println("usage: graph-runner COMMAND [options]   (graph-runner COMMAND --help)");
    console.println("");
    for (Command c : commands.values()) {
      console.println(String.format("  %-10s %s", c.name(), c.summary()));
    }
  }
}
