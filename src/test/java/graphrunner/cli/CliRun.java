package graphrunner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(ExitCode exit, String out, String err) {

  static CliRun of(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    ExitCode exit = new Main(console).run(args);
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Exactly one error line ({@code graph-runner: ...}) on stderr, and no stack trace. */
  boolean oneLineError() {
    return err.lines().filter(l -> l.startsWith("graph-runner:")).count() == 1
        && !err.contains("\tat ") && !err.contains("Exception");
  }
}
