package graphrunner.savedmodel;

import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import graphrunner.fs.NativeWriteError;
import graphrunner.fs.StagingDirectory;
import graphrunner.fs.WritableFolder;
import graphrunner.graph.Model;
import graphrunner.Phases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Exports a classifier as a SavedModel in the TF Serving layout, {@code <root>/<id>/<version>/}
 * (version = the next integer), tag {@code serve}, signature {@code serving_default}: input
 * {@code images} float {@code [-1,28,28,1]}, outputs {@code probabilities}, {@code logits},
 * {@code classes}; the class names in {@code assets/labels.txt}.
 *
 * <p>The export is built in a hidden {@link StagingDirectory} beside the versions (not an integer,
 * so TF Serving and {@link #nextVersion} ignore it) and renamed into place when complete: a killed
 * process never leaves a directory that looks like a finished version. {@code saved_model.pb} is
 * completed ({@link SavedModelCompleter}) in the staging folder too, before the rename.
 */
public final class SavedModelExporter {
  public static final String SIGNATURE = "serving_default";
  public static final String LABELS = "assets/labels.txt";

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

  /**
   * Exports {@code session}'s graph and variables; returns the finished version directory. Gives
   * up, leaving nothing behind, when {@code stopRequested} says so before the final rename.
   */
  public static Path export(Session session, Model model, Path root, String id,
      List<String> classNames, BooleanSupplier stopRequested) {
    Path parent = root.resolve(id);
    try {
      StagingDirectory.removeAbandoned(parent);
      try (StagingDirectory staging = StagingDirectory.in(parent)) {
        Path temp = staging.path();
        SavedModelBundle.exporter(temp.toString()).withTags("serve").withSession(session)
            .withSignature(signature(model)).export();
        SavedModelCompleter.complete(temp, id);
        Files.createDirectories(temp.resolve("assets"));
        Files.write(temp.resolve(LABELS), classNames, StandardCharsets.UTF_8);
        Phases.reached("export", stopRequested);
        if (stopRequested.getAsBoolean()) {
          throw new ExportInterrupted();
        }
        // a concurrent export may take a number first: then the next
        return staging.publishUnderFreeName(
            n -> parent.resolve(Long.toString(nextVersion(parent))), "a version under " + parent);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UnwritableOutput("cannot export the SavedModel under " + parent + ": "
          + IoErrors.reason(e), e);
    } catch (TensorFlowException e) {
      // TensorFlow's save op writing the variables: a full disk or a vanished folder
      throw new UnwritableOutput("cannot export the SavedModel under " + parent + ": "
          + NativeWriteError.reason(e.getMessage()), e);
    }
  }

  /**
   * Checks, before any training, that a model can be exported under {@code root/id}, without
   * creating anything: the nearest folder of that path that exists must be a writable directory.
   * Leftovers of killed exports there are removed.
   */
  public static void checkWritable(Path root, String id) {
    Path parent = root.resolve(id);
    WritableFolder.problem(parent).ifPresent(problem -> {
      throw new UnwritableOutput("cannot write SavedModels under --export-dir " + root
          + ": " + problem);
    });
    try {
      StagingDirectory.removeAbandoned(parent);
    } catch (IOException e) {
      throw new UnwritableOutput("cannot clean " + parent + ": " + IoErrors.reason(e), e);
    }
  }

  /** The export was abandoned on a stop request; nothing was left under the export root. */
  public static final class ExportInterrupted extends RuntimeException {
    ExportInterrupted() {
      super("the export was interrupted", null, false, false);
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
}
