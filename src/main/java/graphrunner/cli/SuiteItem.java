package graphrunner.cli;

import graphrunner.BuildInfo;
import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.report.RunSettings;
import graphrunner.sweep.DepthSweepNet;
import graphrunner.train.Tuning;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code reproduce}'s suite: an experiment, or the sweep ({@code experiment} empty),
 * with the steps it trains for.
 */
record SuiteItem(String id, Experiment experiment, long steps, long fullSteps) {
  static final String SWEEP = "sweep";

  static SuiteItem of(Experiment experiment, long steps) {
    return new SuiteItem(experiment.id(), experiment, steps, experiment.defaults().steps());
  }

  static SuiteItem sweep(long steps) {
    long full = DepthSweepNet.of(DepthSweepNet.DEPTHS.get(1), 0.003).defaults().steps();
    return new SuiteItem(SWEEP, null, steps, full);
  }

  boolean isSweep() {
    return experiment == null;
  }

  String datasetId() {
    return isSweep() ? "fashion-mnist" : experiment.datasetId();
  }

  double weight() {
    return SuiteEta.weight(id, steps, fullSteps);
  }

  /**
   * The settings {@code train} will record in summary.json for this item.
   *
   * @param bfloat16 {@code reproduce --bf16}, else empty for the experiment's default here
   */
  RunSettings settings(long seed, String datasetSha256, Optional<Boolean> bfloat16) {
    Hyperparameters hp = experiment.defaults().withSteps(steps);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("steps", Long.toString(hp.steps()));
    values.put("batch_size", Integer.toString(hp.batchSize()));
    values.put("learning_rate", hp.learningRate().describe());
    values.put("optimizer", hp.optimizer().describe());
    values.put("pkeep", Float.toString(hp.pkeep()));
    if (!hp.init().isEmpty()) {
      values.put("init", hp.init());
    }
    if (experiment.batchNormalised()) {
      values.put("batch_norm", hp.batchNorm().flag());
    }
    return new RunSettings(id, values, seed, datasetSha256, BuildInfo.version(),
        bfloat16.orElseGet(() -> Tuning.defaultsFor(experiment, hp.batchSize()).bfloat16()));
  }
}
