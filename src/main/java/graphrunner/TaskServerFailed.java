package graphrunner;

/** This task's TensorFlow server could not start (its port taken, its address not local). */
public final class TaskServerFailed extends GraphRunnerException {
  public TaskServerFailed(String message) {
    super(message);
  }

  public TaskServerFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
