package graphrunner;

/**
 * A cluster description (TF_CONFIG, --cluster, --task) that does not parse or contradicts
 * itself.
 */
public final class InvalidClusterConfig extends GraphRunnerException {
  public InvalidClusterConfig(String message) {
    super(message);
  }

  public InvalidClusterConfig(String message, Throwable cause) {
    super(message, cause);
  }
}
