package graphrunner.cli;

import graphrunner.fs.WritableFolder;
import graphrunner.savedmodel.SavedModelExporter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * Where a training run writes: its logs under {@code --logdir}, and its SavedModel under
 * {@code --export-dir} unless {@code --no-export}. Checked before training starts (by
 * {@code train} before it reads any data), so that a folder that cannot take them fails the run
 * at once rather than after its training.
 */
record RunOutputs(Path logdir, Optional<Path> exportRoot) {

  static RunOutputs checked(CommandLine line, String experimentId) {
    Optional<Path> exportRoot = line.hasOption("no-export") ? Optional.empty()
        : Optional.of(Flags.path(line, "export-dir", "models"));
    exportRoot.ifPresent(root -> SavedModelExporter.checkWritable(root, experimentId));
    Path logdir = Flags.path(line, "logdir", "runs");
    exportRoot.ifPresent(root -> Flags.distinctFolders(Map.entry("logdir", logdir),
        Map.entry("export-dir", root)));
    WritableFolder.problem(logdir).ifPresent(problem -> {
      throw new UserError(ExitCode.IO, "cannot write the run's logs under --logdir " + logdir
          + ": " + problem);
    });
    return new RunOutputs(logdir, exportRoot);
  }
}
