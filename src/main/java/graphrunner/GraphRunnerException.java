package graphrunner;

/**
 * A failure the user can act on, named in the library's own terms (data that is missing, a
 * damaged SavedModel, a folder that cannot be written...). Its message is the one line the user
 * reads; which exit code each kind gets is decided by the command line alone
 * ({@code graphrunner.cli.ExitCodes}).
 */
public abstract sealed class GraphRunnerException extends RuntimeException permits
    DatasetUnavailable,
    CorruptData,
    DamagedSavedModel,
    UntrustedSavedModel,
    NotASavedModel,
    DamagedRun,
    NotARunDirectory,
    UnknownExperiment,
    NothingToTrain,
    UnknownDataset,
    InvalidClusterConfig,
    UnwritableOutput,
    UnreadableFiles,
    TaskServerFailed,
    ParameterServerLost,
    ClusterUnreachable,
    DownloadInterrupted,
    TrainingDiverged,
    DeviceUnavailable {
  protected GraphRunnerException(String message) {
    super(message);
  }

  protected GraphRunnerException(String message, Throwable cause) {
    super(message, cause);
  }
}
