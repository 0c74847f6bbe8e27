package graphrunner.train;

import java.io.File;
import java.util.Arrays;

/**
 * Which TensorFlow runtime is on the class path: the CPU build
 * ({@code tensorflow-core-native-*-linux-x86_64.jar}) or the CUDA build ({@code -Pgpu},
 * {@code ...-linux-x86_64-gpu.jar}). Only the jar tells: both load the same way, and the CUDA
 * build without a usable GPU simply lists no GPU.
 */
public enum NativeBuild {
  CPU, GPU;

  /** JavaCPP unpacks each platform's libraries from a folder named after it. */
  static final String GPU_LIBRARIES = "org/tensorflow/internal/c_api/linux-x86_64-gpu/";

  public static NativeBuild onClassPath() {
    return detect(System.getProperty("java.class.path", ""),
        NativeBuild.class.getClassLoader().getResource(GPU_LIBRARIES) != null);
  }

  /** GPU when the CUDA build's libraries are a resource, or its jar is named on the class path. */
  static NativeBuild detect(String classPath, boolean gpuLibrariesFound) {
    boolean gpuJar = Arrays.stream(classPath.split(File.pathSeparator))
        .map(entry -> new File(entry).getName())
        .anyMatch(name -> name.matches("tensorflow-core-native-.*-gpu\\.jar"));
    return gpuLibrariesFound || gpuJar ? GPU : CPU;
  }
}
