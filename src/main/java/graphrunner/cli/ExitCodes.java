package graphrunner.cli;

import static java.util.Map.entry;

import graphrunner.ClusterUnreachable;
import graphrunner.CorruptData;
import graphrunner.DamagedRun;
import graphrunner.DamagedSavedModel;
import graphrunner.DatasetUnavailable;
import graphrunner.DeviceUnavailable;
import graphrunner.DownloadInterrupted;
import graphrunner.GraphRunnerException;
import graphrunner.InvalidClusterConfig;
import graphrunner.NotARunDirectory;
import graphrunner.NothingToTrain;
import graphrunner.NotASavedModel;
import graphrunner.ParameterServerLost;
import graphrunner.TaskServerFailed;
import graphrunner.TrainingDiverged;
import graphrunner.UnknownDataset;
import graphrunner.UnknownExperiment;
import graphrunner.UnreadableFiles;
import graphrunner.UntrustedSavedModel;
import graphrunner.UnwritableOutput;
import java.util.Map;

/** The one place where a failure the user can act on becomes the process's exit code. */
final class ExitCodes {
  private static final Map<Class<? extends GraphRunnerException>, ExitCode> BY_KIND = Map.ofEntries(
      entry(UnknownExperiment.class, ExitCode.USAGE),
      entry(NothingToTrain.class, ExitCode.USAGE),
      entry(UnknownDataset.class, ExitCode.USAGE),
      entry(NotARunDirectory.class, ExitCode.USAGE),
      entry(NotASavedModel.class, ExitCode.USAGE),
      entry(InvalidClusterConfig.class, ExitCode.USAGE),
      entry(DatasetUnavailable.class, ExitCode.DATA),
      entry(CorruptData.class, ExitCode.DATA),
      entry(DamagedRun.class, ExitCode.DATA),
      entry(DamagedSavedModel.class, ExitCode.DATA),
      entry(UntrustedSavedModel.class, ExitCode.DATA),
      entry(UnwritableOutput.class, ExitCode.IO),
      entry(UnreadableFiles.class, ExitCode.IO),
      entry(TaskServerFailed.class, ExitCode.IO),
      entry(ParameterServerLost.class, ExitCode.PS_LOST),
      entry(ClusterUnreachable.class, ExitCode.CLUSTER_UNREACHABLE),
      entry(TrainingDiverged.class, ExitCode.DIVERGED),
      entry(DeviceUnavailable.class, ExitCode.DEVICE),
      entry(DownloadInterrupted.class, ExitCode.INTERRUPTED));

  private ExitCodes() {}

  /**
   * The exit code of {@code failure}: a {@link UserError} (the command line's own mistakes)
   * carries its own, a {@link GraphRunnerException} gets its kind's; anything else is a bug.
   */
  static ExitCode of(RuntimeException failure) {
    if (failure instanceof UserError error) {
      return error.exitCode();
    }
    return BY_KIND.getOrDefault(failure.getClass(), ExitCode.INTERNAL);
  }
}
