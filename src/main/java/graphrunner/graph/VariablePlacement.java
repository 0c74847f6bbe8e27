package graphrunner.graph;

import org.tensorflow.DeviceSpec;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * Where a graph's variables live, decided when each one is created: TF1's
 * {@code replica_device_setter} in one method. A single process keeps them with the compute
 * ({@link #WITH_COMPUTE}); a cluster puts them on its parameter servers. Ops that update a variable
 * in place follow it (TensorFlow's placer colocates reference edges), and optimiser slots are
 * created beside their variable ({@link #colocated}).
 */
@FunctionalInterface
public interface VariablePlacement {

  /** Variables on the device of the ops factory that creates them: a single process. */
  VariablePlacement WITH_COMPUTE = tf -> tf;

  /** The ops factory the next variable is created with ({@code tf} with a device, usually). */
  Ops place(Ops tf);

  /** {@code tf} pinned to the device {@code variable} was placed on, for its slots. */
  static Ops colocated(Ops tf, Operand<?> variable) {
    String device = ((GraphOperation) variable.op()).device();
    return device.isEmpty() ? tf : tf.withDevice(parse(device));
  }

  /** A device string as TensorFlow writes it, e.g. {@code /job:ps/task:1/device:CPU:0}. */
  static DeviceSpec parse(String device) {
    var spec = DeviceSpec.newBuilder();
    for (String part : device.split("/")) {
      String[] kv = part.split(":");
      switch (kv[0].toLowerCase()) {
        case "job" -> spec.job(kv[1]);
        case "replica" -> spec.replica(Integer.parseInt(kv[1]));
        case "task" -> spec.task(Integer.parseInt(kv[1]));
        case "device" -> spec.deviceType(DeviceSpec.DeviceType.valueOf(kv[1].toUpperCase()))
            .deviceIndex(kv.length > 2 && !kv[2].equals("*") ? Integer.parseInt(kv[2]) : 0);
        case "cpu", "gpu" -> spec.deviceType(DeviceSpec.DeviceType.valueOf(kv[0].toUpperCase()))
            .deviceIndex(kv.length > 1 && !kv[1].equals("*") ? Integer.parseInt(kv[1]) : 0);
        default -> { } // the empty part before the first slash
      }
    }
    return spec.build();
  }
}
