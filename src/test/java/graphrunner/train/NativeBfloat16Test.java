package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which CPUs multiply bfloat16 themselves, as /proc/cpuinfo says. */
class NativeBfloat16Test {
  private static String cpuinfo(String flags) {
    return "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: " + flags
        + "\nbugs\t\t: sysret_ss_attrs\n\nprocessor\t: 1\nflags\t\t: fpu\n";
  }

  @Test
  void avx512Bf16OrAmxIsNative() {
    assertTrue(NativeBfloat16.inCpuInfo(cpuinfo("fpu avx2 avx512f avx512_bf16 avx512_vnni")));
    assertTrue(NativeBfloat16.inCpuInfo(cpuinfo("fpu avx512f amx_bf16 amx_tile")));
  }

  @Test
  void avx512AloneOrASimilarNameIsNot() {
    assertFalse(NativeBfloat16.inCpuInfo(cpuinfo("fpu avx2 avx512f avx512_vnni")));
    assertFalse(NativeBfloat16.inCpuInfo(cpuinfo("fpu avx_ne_convert avx512_bf16x")));
    assertFalse(NativeBfloat16.inCpuInfo("processor\t: 0\n"));
  }
}
