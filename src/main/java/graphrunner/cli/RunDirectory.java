package graphrunner.cli;

import graphrunner.fs.IoErrors;
import graphrunner.fs.StagingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code <logdir>/<experiment>/<timestamp>/}: where one run's logs and summary.json go. */
final class RunDirectory {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunDirectory() {}

  /** Creates a fresh run directory; an unwritable log dir is the user's one-line error. */
  static Path create(Path logdir, String experimentId) {
    Path parent = logdir.resolve(experimentId);
    String stamp = LocalDateTime.now().format(STAMP);
    try {
      Files.createDirectories(parent);
      Path dir = parent.resolve(stamp);
      for (int n = 2; Files.exists(dir); n++) {
        dir = parent.resolve(stamp + "-" + n);
      }
      Files.createDirectory(dir);
      if (!Files.isWritable(dir)) {
        throw new IOException("not writable");
      }
      return dir;
    } catch (IOException | SecurityException e) {
      throw new UserError(ExitCode.IO, "cannot write the run's logs under --logdir " + logdir
          + ": " + describe(e));
    }
  }

  /** Takes back a run directory that nothing was written into: a run that never started. */
  static void removeIfEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // left as it is: listed as "not a run", which it is
    }
  }

  /**
   * Takes back a run directory this process created and could not finish writing (a full disk):
   * a truncated file in it would be listed by {@code runs} as if it were a run. Its experiment's
   * folder goes too when nothing else is in it.
   */
  static void removeUnfinished(Path dir) {
    try {
      StagingDirectory.deleteRecursively(dir);
    } catch (IOException e) {
      // left as it is: the error that brought us here is the one to report
    }
    removeIfEmpty(dir.getParent());
  }

  static String describe(Exception e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return e.getMessage() + " exists and is not a directory"; // only a file is in the way
    }
    return IoErrors.reason(e);
  }
}
