package graphrunner;

/**
 * A mistake on the command line (a bad flag, a run that cannot be resumed) with the exit code it
 * ends with. The CLI prints its message as one line on stderr and exits with its code; no stack
 * trace unless {@code --debug}. The library throws {@link GraphRunnerException}s instead, which
 * carry no exit code; only {@code train.Trainer} (a diverged run, a damaged checkpoint) and
 * {@code train.SessionFactory} (no GPU) still throw this, until they switch to named kinds.
 */
public class UserError extends RuntimeException {
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
