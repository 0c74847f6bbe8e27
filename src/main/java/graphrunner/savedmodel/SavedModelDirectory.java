package graphrunner.savedmodel;

import graphrunner.DamagedSavedModel;
import graphrunner.NotASavedModel;
import graphrunner.UnreadableFiles;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves what a user names as a model: a SavedModel directory, or {@code models/<id>}, which
 * means its highest version, as TF Serving would serve it.
 */
public final class SavedModelDirectory {
  private SavedModelDirectory() {}

  public static Path resolve(Path dir) {
    if (Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      return dir;
    }
    if (Files.isDirectory(dir.resolve("variables"))) {
      // a SavedModel that lost its graph: damaged, not a wrong directory
      throw new DamagedSavedModel("damaged SavedModel: " + dir.resolve("saved_model.pb")
          + " is missing");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> children = Files.list(dir)) {
        List<Path> versions = children
            .filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
            .filter(p -> Files.isRegularFile(p.resolve("saved_model.pb")))
            .sorted((a, b) -> Long.compare(version(b), version(a))).toList();
        if (!versions.isEmpty()) {
          return versions.get(0);
        }
      } catch (IOException e) {
        throw new UnreadableFiles("cannot read " + dir + ": " + IoErrors.reason(e));
      }
    }
    throw new NotASavedModel(dir + " is not a SavedModel (no saved_model.pb in it "
        + "or in a numbered version directory below it)");
  }

  private static long version(Path p) {
    return Long.parseLong(p.getFileName().toString());
  }
}
