package graphrunner.train;

import java.util.Locale;
import java.util.Set;

/**
 * Whether each TensorFlow session gets thread pools of its own, sized by its own settings, or
 * shares the process's pools, which TensorFlow sizes at the first session and keeps.
 *
 * <p>Only an environment variable that TensorFlow reads when it makes its first CPU device,
 * {@value #VARIABLE}, gives a session its own pool for one op's threads (a 1536² MatMul took
 * 45 ms in a two-thread session that followed a one-thread one without it, 24 ms with it). The
 * launcher sets it; its sessions then also ask for their own pool of ops side by side
 * ({@code use_per_session_threads}), so that the two settings follow the run together.
 */
public final class ThreadPools {
  public static final String VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

  private ThreadPools() {}

  /** True when this process's sessions each have their own pools. */
  public static boolean perSession() {
    return perSession(System.getenv(VARIABLE));
  }

  /** TensorFlow's reading of the variable: "true" or "1", in any case; anything else is off. */
  static boolean perSession(String value) {
    return value != null && Set.of("true", "1").contains(value.toLowerCase(Locale.ROOT));
  }

  /** What summary.json records. */
  public static String describe() {
    return perSession() ? "per-session" : "per-process";
  }
}
