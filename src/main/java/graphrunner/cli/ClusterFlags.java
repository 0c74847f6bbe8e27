package graphrunner.cli;

import graphrunner.cluster.TfConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * How {@code train} learns it is one task of a cluster: {@code TF_CONFIG} in the environment (as
 * Kubeflow's TFJob sets it), or {@code --cluster} and {@code --task}, which win over it.
 */
final class ClusterFlags {
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  private ClusterFlags() {}

  static Options addTo(Options options) {
    options.addOption(TrainingFlags.valued("cluster", "SPEC", "train as one task of a cluster: "
        + "\"ps=HOST:PORT,...;worker=HOST:PORT,...[;chief=HOST:PORT]\" (else $TF_CONFIG)"));
    options.addOption(TrainingFlags.valued("task", "JOB:INDEX",
        "with --cluster: this process's task, e.g. ps:0 or worker:1"));
    options.addOption(TrainingFlags.valued("cluster-timeout", "SECONDS", "how long a task waits "
        + "for the tasks it needs before giving up (" + DEFAULT_TIMEOUT_SECONDS + ")"));
    return options;
  }

  static Optional<TfConfig> from(CommandLine line, Map<String, String> environment) {
    if (line.hasOption("cluster") || line.hasOption("task")) {
      if (!line.hasOption("cluster") || !line.hasOption("task")) {
        throw new UserError(ExitCode.USAGE, "--cluster and --task go together");
      }
      return Optional.of(TfConfig.fromFlags(line.getOptionValue("cluster"),
          line.getOptionValue("task")));
    }
    String tfConfig = environment.get("TF_CONFIG");
    if (tfConfig == null || tfConfig.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(TfConfig.parse(tfConfig));
  }

  static Duration timeout(CommandLine line) {
    return Duration.ofSeconds(Flags.positiveInt(line, "cluster-timeout", DEFAULT_TIMEOUT_SECONDS));
  }
}
