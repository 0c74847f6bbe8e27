package graphrunner.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Why CUDA may not have initialised on this host, in words a user can act on. TensorFlow logs its
 * own reason (e.g. "failed call to cuInit") from native code, which the Java API cannot read, so
 * we look for what it needs: the NVIDIA driver and the CUDA 12 / cuDNN 9 libraries.
 */
final class CudaHost {
  private static final List<String> LIBRARIES =
      List.of("libcuda.so.1", "libcudart.so.12", "libcublas.so.12", "libcudnn.so.9");
  private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/lib/x86_64-linux-gnu",
      "/usr/lib64", "/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib");

  private CudaHost() {}

  /** What is missing; empty when driver and libraries are all there. */
  static List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!Files.exists(Path.of("/proc/driver/nvidia/version"))) {
      problems.add("no NVIDIA driver loaded (/proc/driver/nvidia/version is missing)");
    }
    for (String library : LIBRARIES) {
      if (libraryDirectories().noneMatch(dir -> Files.exists(dir.resolve(library)))) {
        problems.add(library + " not found on LD_LIBRARY_PATH or in the system library folders");
      }
    }
    return problems;
  }

  private static Stream<Path> libraryDirectories() {
    String path = System.getenv().getOrDefault("LD_LIBRARY_PATH", "");
    return Stream.concat(Stream.of(path.split(":")).filter(s -> !s.isBlank()),
        SYSTEM_DIRECTORIES.stream()).map(Path::of);
  }
}
