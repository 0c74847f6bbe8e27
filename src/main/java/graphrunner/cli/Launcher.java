package graphrunner.cli;

/**
 * The command that started graph-runner, as the user typed it, so that a hint ("continue with:
 * ... train --resume DIR") can be copied and run as it stands. {@code tools/graph-runner} says
 * how it was called in {@code GRAPH_RUNNER_COMMAND}; a JVM started otherwise says
 * {@code graph-runner}.
 */
final class Launcher {
  private Launcher() {}

  static String command() {
    String typed = System.getenv("GRAPH_RUNNER_COMMAND");
    return typed == null || typed.isBlank() ? "graph-runner" : shellWord(typed);
  }

  /** {@code word} as a shell takes it back: quoted when it holds a space, a quote, a '$'... */
  static String shellWord(Object word) {
    String text = word.toString();
    return text.matches("[\\w./:=,@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
