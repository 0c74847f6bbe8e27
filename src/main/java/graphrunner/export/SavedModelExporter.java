package graphrunner.export;

import graphrunner.ExitCode;
import graphrunner.UserError;
import graphrunner.graph.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Exports a classifier as a SavedModel in the TF Serving layout, {@code <root>/<id>/<version>/}
 * (version = the next integer), tag {@code serve}, signature {@code serving_default}: input
 * {@code images} float {@code [-1,28,28,1]}, outputs {@code probabilities}, {@code logits},
 * {@code classes}; the class names in {@code assets/labels.txt}.
 *
 * <p>The export is built in a hidden sibling directory ({@code .tmp-<pid>-<n>}: not an integer, so
 * TF Serving and {@link #nextVersion} ignore it) and renamed into place when complete: a killed
 * process never leaves a directory that looks like a finished version. {@code saved_model.pb} is
 * completed ({@link SavedModelCompleter}) in the temporary directory too, before the rename.
 */
public final class SavedModelExporter {
  public static final String SIGNATURE = "serving_default";
  public static final String LABELS = "assets/labels.txt";
  private static final String TEMP_PREFIX = ".tmp-";

  private SavedModelExporter() {}

  /** The serving signature of a classifier graph. */
  public static Signature signature(Model model) {
    return Signature.builder().key(SIGNATURE).methodName("tensorflow/serving/predict")
        .input("images", model.images())
        .output("probabilities", model.probabilities())
        .output("logits", model.logits())
        .output("classes", model.classes())
        .build();
  }

  /** Exports {@code session}'s graph and variables; returns the finished version directory. */
  public static Path export(Session session, Model model, Path root, String id,
      List<String> classNames) {
    Path parent = root.resolve(id);
    try {
      Files.createDirectories(parent);
      removeAbandonedTemporaries(parent);
      Path temp = parent.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
          + System.nanoTime());
      try {
        SavedModelBundle.exporter(temp.toString()).withTags("serve").withSession(session)
            .withSignature(signature(model)).export();
        SavedModelCompleter.complete(temp, id);
        Files.createDirectories(temp.resolve("assets"));
        Files.write(temp.resolve(LABELS), classNames, StandardCharsets.UTF_8);
        return moveIntoNextVersion(temp, parent);
      } finally {
        deleteRecursively(temp);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(ExitCode.IO, "cannot export the SavedModel under " + parent + ": "
          + e.getMessage(), e);
    }
  }

  /** 1 + the largest integer directory name under {@code parent}, 1 if none. */
  public static long nextVersion(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return 1;
    }
    try (Stream<Path> children = Files.list(parent)) {
      return 1 + children.map(p -> p.getFileName().toString())
          .filter(name -> name.matches("\\d{1,18}")).mapToLong(Long::parseLong).max().orElse(0);
    }
  }

  /** Renames the complete export to the next version; a concurrent export may take a number first. */
  private static Path moveIntoNextVersion(Path temp, Path parent) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      Path version = parent.resolve(Long.toString(nextVersion(parent)));
      try {
        return Files.move(temp, version, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
        // another export took this number between the listing and the rename: take the next
      }
    }
    throw new IOException("no free version number under " + parent);
  }

  /** Temporaries of processes that are gone (killed mid-export) are removed. */
  private static void removeAbandonedTemporaries(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(TEMP_PREFIX) && !ownerAlive(name)) {
          deleteRecursively(child);
        }
      }
    }
  }

  private static boolean ownerAlive(String tempName) {
    try {
      long pid = Long.parseLong(tempName.substring(TEMP_PREFIX.length()).split("-")[0]);
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
