package graphrunner.train;

import java.util.List;

/**
 * The one line {@code --device gpu} says when TensorFlow lists no GPU. The remedy depends on the
 * build: the CPU build needs {@code -Pgpu}; the CUDA build needs a host where CUDA initialises,
 * and rebuilding would not help.
 */
final class GpuUnavailable {
  private GpuUnavailable() {}

  static String message(NativeBuild build, List<String> devices, List<String> hostProblems) {
    String seen = "(devices: " + String.join(", ", devices) + ")";
    if (build == NativeBuild.CPU) {
      return "--device gpu: no GPU visible to TensorFlow " + seen + "; this is the CPU build of "
          + "TensorFlow: build with -Pgpu on a CUDA 12 host, or add --allow-cpu-fallback";
    }
    String why = hostProblems.isEmpty()
        ? "driver and libraries are present; run with --verbose for TensorFlow's own message"
        : String.join("; ", hostProblems);
    return "--device gpu: this is the CUDA build of TensorFlow, but CUDA did not initialise "
        + seen + ": " + why + "; fix that, or add --allow-cpu-fallback";
  }
}
