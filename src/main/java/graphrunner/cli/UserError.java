package graphrunner.cli;

/**
 * A mistake on the command line (a bad flag, a run that cannot be resumed) with the exit code it
 * ends with. The CLI prints its message as one line on stderr and exits with its code; no stack
 * trace unless {@code --debug}. The library throws {@link graphrunner.GraphRunnerException}s
 * instead, which carry no exit code ({@link ExitCodes} gives them theirs).
 */
class UserError extends RuntimeException {
  private final ExitCode exitCode;

  public UserError(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserError(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
