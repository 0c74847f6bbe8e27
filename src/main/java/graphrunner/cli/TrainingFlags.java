package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.BatchNormUpdate;
import graphrunner.train.Device;
import graphrunner.train.NativeBfloat16;
import graphrunner.train.RunConfig;
import graphrunner.train.Tuning;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The flags that shape a training run, shared by {@code train} and {@code bench}. */
final class TrainingFlags {
  private TrainingFlags() {}

  static Options addTo(Options options) {
    options.addOption(valued("steps", "N", "training updates (default: the slide's)"));
    options.addOption(valued("epochs", "N", "passes over the training set, instead of --steps"));
    options.addOption(valued("batch-size", "N", "images per update (default: the slide's)"));
    options.addOption(valued("lr", "RATE",
        "learning rate: replaces a constant rate, or the peak of a decaying one"));
    options.addOption(valued("pkeep", "P", "dropout keep probability in training, (0, 1]"));
    options.addOption(valued("init", "NAME", "weight initialiser, for experiments that offer a "
        + "choice (mnist-cnn: normal, xavier, msra)"));
    options.addOption(valued("batch-norm", String.join("|", BatchNormUpdate.flags()),
        "when batch norm's moving averages update: in a second pass after the update (the "
            + "slide's) or within it (Keras'); for experiments with batch norm"));
    options.addOption(valued("seed", "N", "seed of weights, dropout and shuffling "
        + "(default: random, recorded in summary.json)"));
    options.addOption(valued("eval-every", "N", "evaluate the test set every N steps (100)"));
    options.addOption(valued("device", "cpu|gpu", "where the graph runs (cpu)"));
    options.addOption(Option.builder().longOpt("allow-cpu-fallback")
        .desc("with --device gpu: run on the CPU when no GPU is visible, saying so").build());
    int cores = Runtime.getRuntime().availableProcessors();
    String threads = "(default: 1 for a fully connected net at batches up to "
        + Tuning.ONE_THREAD_MAX_BATCH + ", else the cores, " + cores + ")";
    options.addOption(valued("threads", "N", "threads one TensorFlow op may use " + threads));
    options.addOption(valued("inter-op-threads", "N", "TensorFlow ops run side by side "
        + threads));
    options.addOption(valued("xla", "on|off", "compile the graph with XLA's JIT (off)"));
    options.addOption(valued("bf16", "on|off", "convolutions and matrix multiplies in bfloat16 "
        + "on the CPU, oneDNN's mixed precision (default: on for " + String.join(", ",
            fasterInBfloat16()) + " where the CPU has bfloat16 instructions; this one "
        + (NativeBfloat16.available() ? "has" : "has not") + ")"));
    options.addOption(valued("prefetch", "on|off", "prepare the next batch on a thread of its "
        + "own (default: on with more than 2 cores, here " + onOff(cores > 2) + ")"));
    options.addOption(valued("data-dir", "DIR",
        "folder holding the data set's four IDX files (else $GRAPH_RUNNER_DATA, cache, download)"));
    return options;
  }

  /** The experiments {@code --bf16} is on for by default, where the CPU has the instructions. */
  static List<String> fasterInBfloat16() {
    return Catalogue.experiments().stream().filter(Experiment::fasterInBfloat16)
        .map(Experiment::id).toList();
  }

  static Option valued(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).build();
  }

  /** The experiment's defaults with the flags applied; {@code trainCount} converts --epochs. */
  static Hyperparameters hyperparameters(CommandLine line, Experiment experiment, int trainCount) {
    Hyperparameters hp = experiment.defaults();
    hp = hp.withBatchSize(Flags.positiveInt(line, "batch-size", hp.batchSize()));
    if (hp.batchSize() > trainCount) {
      throw new UserError(ExitCode.USAGE, "--batch-size " + hp.batchSize() + " exceeds the "
          + trainCount + " training images");
    }
    if (line.hasOption("steps") && line.hasOption("epochs")) {
      throw new UserError(ExitCode.USAGE, "give --steps or --epochs, not both");
    }
    long stepsPerEpoch = trainCount / hp.batchSize();
    hp = hp.withSteps(line.hasOption("epochs")
        ? Flags.positiveLong(line, "epochs", 1) * stepsPerEpoch
        : Flags.positiveLong(line, "steps", hp.steps()));
    if (line.hasOption("lr")) {
      hp = hp.withLearningRate(hp.learningRate().withRate(Flags.number(line, "lr", 0, 0, 1e6)));
    }
    hp = hp.withInit(init(line, experiment, hp.init()));
    if (line.hasOption("batch-norm")) {
      if (!experiment.batchNormalised()) {
        throw new UserError(ExitCode.USAGE, "--batch-norm: " + experiment.id()
            + " has no batch-norm layers");
      }
      hp = hp.withBatchNorm(BatchNormUpdate.ofFlag(Flags.choice(line, "batch-norm",
          hp.batchNorm().flag(), BatchNormUpdate.flags())));
    }
    return hp.withPkeep((float) Flags.number(line, "pkeep", hp.pkeep(), 0, 1));
  }

  private static String init(CommandLine line, Experiment experiment, String fallback) {
    if (!line.hasOption("init")) {
      return fallback;
    }
    if (experiment.initChoices().isEmpty()) {
      throw new UserError(ExitCode.USAGE, "--init: " + experiment.id()
          + " uses the slide's initialiser and offers no choice");
    }
    return Flags.choice(line, "init", fallback, List.copyOf(experiment.initChoices().keySet()));
  }

  /** The run's settings; on the CPU, the threads default to what suits the experiment's steps. */
  static RunConfig runConfig(CommandLine line, Experiment experiment, Hyperparameters hp) {
    return runConfig(line, hp, device -> device == Device.CPU
        ? Tuning.defaultsFor(experiment, hp.batchSize()) : Tuning.everyCore());
  }

  /** As above, with every core unless the flags say otherwise. */
  static RunConfig runConfigOnEveryCore(CommandLine line, Hyperparameters hp) {
    return runConfig(line, hp, device -> Tuning.everyCore());
  }

  private static RunConfig runConfig(CommandLine line, Hyperparameters hp,
      Function<Device, Tuning> defaults) {
    long seed = line.hasOption("seed") ? Flags.anyLong(line, "seed", 0)
        : ThreadLocalRandom.current().nextLong(1, 1L << 31);
    Device device = Device.valueOf(
        Flags.choice(line, "device", "cpu", List.of("cpu", "gpu")).toUpperCase());
    return RunConfig.of(hp, seed)
        .withEvalEvery(Flags.positiveInt(line, "eval-every", RunConfig.DEFAULT_EVAL_EVERY))
        .withDevice(device, line.hasOption("allow-cpu-fallback"))
        .withTuning(tuning(line, device, defaults.apply(device)));
  }

  private static Tuning tuning(CommandLine line, Device device, Tuning defaults) {
    Tuning tuning = defaults
        .withIntraOpThreads(Flags.threads(line, "threads", defaults.intraOpThreads()))
        .withInterOpThreads(Flags.threads(line, "inter-op-threads", defaults.interOpThreads()))
        .withXla(onOff(line, "xla", defaults.xla()))
        .withPrefetch(onOff(line, "prefetch", defaults.prefetch()))
        .withBfloat16(onOff(line, "bf16", defaults.bfloat16()));
    if (tuning.bfloat16() && device == Device.GPU) {
      throw new UserError(ExitCode.USAGE, "--bf16 on: oneDNN's bfloat16 is for the CPU; "
          + "with --device gpu leave it off");
    }
    return tuning;
  }

  static boolean onOff(CommandLine line, String flag, boolean fallback) {
    return Flags.choice(line, flag, onOff(fallback), List.of("on", "off")).equals("on");
  }

  /** How an on|off flag's value is written, for the command lines and headers we print. */
  static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
