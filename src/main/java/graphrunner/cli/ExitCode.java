package graphrunner.cli;

/** Process exit codes: one per kind of failure, so scripts can tell them apart. */
enum ExitCode {
  OK(0),
  /** Bad command line: unknown command or experiment, bad flag value. */
  USAGE(2),
  /** Data missing, corrupt, truncated or inconsistent. */
  DATA(3),
  /** A file or directory could not be read or written (log dir, export dir). */
  IO(4),
  /** Training diverged (NaN or infinite loss). */
  DIVERGED(5),
  /** The requested device does not exist on this host. */
  DEVICE(6),
  /** Cluster training: a parameter server stopped answering; nothing is exported. */
  PS_LOST(7),
  /** Cluster training: a task this one needs never came up before the timeout. */
  CLUSTER_UNREACHABLE(8),
  /** The run was interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
  INTERRUPTED(130),
  /** The run was asked to stop by SIGTERM (kill, a scheduler): 128 + 15. */
  TERMINATED(143),
  /** A bug: anything that is not the user's mistake. */
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
