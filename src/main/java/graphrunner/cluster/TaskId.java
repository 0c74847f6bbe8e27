package graphrunner.cluster;

import org.tensorflow.DeviceSpec;

/**
 * One task of a cluster, as TensorFlow names it: {@code /job:worker/task:1}.
 *
 * @param job {@code ps}, {@code worker} or {@code chief}
 * @param index the task's position in its job, from 0
 */
public record TaskId(String job, int index) {
  public static final String PS = "ps";
  public static final String WORKER = "worker";
  public static final String CHIEF = "chief";

  public boolean isParameterServer() {
    return PS.equals(job);
  }

  /** The task's CPU, where a worker's compute and a parameter server's variables go. */
  public DeviceSpec cpu() {
    return DeviceSpec.newBuilder().job(job).task(index)
        .deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();
  }

  /** {@code /job:worker/task:1}, as in TensorFlow's messages and device filters. */
  public String device() {
    return "/job:" + job + "/task:" + index;
  }

  @Override
  public String toString() {
    return job + ":" + index;
  }
}
