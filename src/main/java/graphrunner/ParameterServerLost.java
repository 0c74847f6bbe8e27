package graphrunner;

/** A parameter server stopped answering mid-job; nothing is exported. */
public final class ParameterServerLost extends GraphRunnerException {
  public ParameterServerLost(String message) {
    super(message);
  }

  public ParameterServerLost(String message, Throwable cause) {
    super(message, cause);
  }
}
