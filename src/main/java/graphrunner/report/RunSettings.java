package graphrunner.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two runs the same experiment: id, hyperparameters, seed, the data's checksum, the
 * graph-runner version and the precision its multiplies ran in (bfloat16 changes the results).
 * {@code reproduce} reuses a finished run whose settings equal the ones it would train with.
 */
public record RunSettings(String experiment, Map<String, String> hyperparameters, long seed,
    String datasetSha256, String version, boolean bfloat16) {

  public RunSettings {
    hyperparameters = normalised(hyperparameters);
  }

  public static RunSettings of(RunRecord run) {
    return new RunSettings(run.experiment(), run.hyperparameters(), run.seed(),
        run.datasetSha256(), run.version(), run.bfloat16());
  }

  /** Numbers compare by value, so 0.75 written as 0.75 or 0.750 are the same setting. */
  private static Map<String, String> normalised(Map<String, String> values) {
    Map<String, String> result = new TreeMap<>();
    values.forEach((key, value) -> result.put(key, canonicalNumber(value)));
    return Map.copyOf(result);
  }

  private static String canonicalNumber(String value) {
    try {
      return new BigDecimal(value).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
