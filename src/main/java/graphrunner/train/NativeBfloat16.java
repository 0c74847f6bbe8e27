package graphrunner.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Whether this CPU multiplies bfloat16 numbers itself (AVX-512 BF16, or AMX), which is where
 * oneDNN's bfloat16 convolutions beat float32 ones; elsewhere oneDNN emulates them, slower.
 */
public final class NativeBfloat16 {
  /** The {@code /proc/cpuinfo} flags of the instructions, either of which is enough. */
  public static final List<String> CPU_FLAGS = List.of("avx512_bf16", "amx_bf16");
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static volatile Boolean available;

  private NativeBfloat16() {}

  /** Read once per process; false where {@code /proc/cpuinfo} cannot be read. */
  public static boolean available() {
    if (available == null) {
      try {
        available = inCpuInfo(Files.readString(CPUINFO, StandardCharsets.ISO_8859_1));
      } catch (IOException | SecurityException e) {
        available = false;
      }
    }
    return available;
  }

  /** Whether the first {@code flags} line of a {@code /proc/cpuinfo} text names one of them. */
  static boolean inCpuInfo(String cpuinfo) {
    return cpuinfo.lines().filter(line -> line.startsWith("flags")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
        .map(flags -> Arrays.stream(flags).anyMatch(CPU_FLAGS::contains))
        .orElse(false);
  }
}
