package graphrunner;

/** The device asked for (a GPU) is not visible to TensorFlow on this host. */
public final class DeviceUnavailable extends GraphRunnerException {
  public DeviceUnavailable(String message) {
    super(message);
  }

  public DeviceUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
