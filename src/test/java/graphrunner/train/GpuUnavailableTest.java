package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuUnavailableTest {
  private static final List<String> CPU_ONLY = List.of("/device:CPU:0 (CPU)");

  @Test
  void theCpuBuildIsToldToBuildWithPgpu() {
    String message = GpuUnavailable.message(NativeBuild.CPU, CPU_ONLY, List.of());
    assertTrue(message.contains("build with -Pgpu"), message);
    assertTrue(message.contains("--allow-cpu-fallback"), message);
  }

  @Test
  void theCudaBuildIsToldWhyCudaDidNotInitialiseNotToRebuild() {
    String message = GpuUnavailable.message(NativeBuild.GPU, CPU_ONLY,
        List.of("no NVIDIA driver loaded (/proc/driver/nvidia/version is missing)",
            "libcudnn.so.9 not found on LD_LIBRARY_PATH or in the system library folders"));
    assertTrue(message.contains("CUDA build of TensorFlow, but CUDA did not initialise"), message);
    assertTrue(message.contains("no NVIDIA driver loaded"), message);
    assertTrue(message.contains("libcudnn.so.9 not found"), message);
    assertFalse(message.contains("-Pgpu"), message);
    assertFalse(message.contains("\n"));
  }

  @Test
  void theCudaBuildOnAHostThatLooksFinePointsToTensorFlowsOwnMessage() {
    String message = GpuUnavailable.message(NativeBuild.GPU, CPU_ONLY, List.of());
    assertTrue(message.contains("--verbose"), message);
  }

  @Test
  void theGpuJarOnTheClassPathMeansTheCudaBuild() {
    assertEquals(NativeBuild.GPU, NativeBuild.detect(
        "/x/graph-runner.jar:/x/lib/tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar", false));
    assertEquals(NativeBuild.CPU, NativeBuild.detect(
        "/x/graph-runner.jar:/x/lib/tensorflow-core-native-1.1.0-linux-x86_64.jar", false));
    assertEquals(NativeBuild.GPU, NativeBuild.detect("/x/app.jar", true), "libraries found");
  }

  @Test
  void thisTestRunsOnTheCpuBuild() {
    assertEquals(NativeBuild.CPU, NativeBuild.onClassPath());
  }
}
