package graphrunner.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command of {@code graph-runner}: its flags and what it does with them. */
interface Command {

  String name();

  /** The positional arguments, for the usage line, e.g. {@code ID}. */
  String arguments();

  /** One line for the command list. */
  String summary();

  /** The command's own flags; {@code --help} and {@code --debug} are added for every command. */
  Options options();

  /**
   * Runs the command; throws {@link UserError} for the command line's mistakes and
   * lets the library's {@link graphrunner.GraphRunnerException}s through.
   */
  void run(CommandLine line, Console out);
}
