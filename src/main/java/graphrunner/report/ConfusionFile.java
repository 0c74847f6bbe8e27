package graphrunner.report;

import com.google.gson.Gson;
import graphrunner.DamagedRun;
import graphrunner.UnwritableOutput;
import graphrunner.fs.AtomicFile;
import graphrunner.fs.IoErrors;
import graphrunner.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code confusion-matrix.json} in a run directory: the exported model's predictions on the test
 * set, counted by (true, predicted) class. {@code reproduce} writes it for keras-cnn (the deck
 * that reports one); the report draws it.
 */
public final class ConfusionFile {
  public static final String NAME = "confusion-matrix.json";

  private record Stored(List<String> classNames, long[][] counts) {}

  private ConfusionFile() {}

  public static void write(Path runDir, List<String> classNames, ConfusionMatrix matrix) {
    long[][] counts = new long[matrix.classes()][matrix.classes()];
    for (int r = 0; r < counts.length; r++) {
      for (int c = 0; c < counts.length; c++) {
        counts[r][c] = matrix.count(r, c);
      }
    }
    Path target = runDir.resolve(NAME);
    try {
      AtomicFile.writeString(target, new Gson().toJson(new Stored(classNames, counts)));
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnwritableOutput("cannot write " + target + ": " + IoErrors.reason(e), e);
    }
  }

  /** The stored matrix and its class names, or empty when the run has none. */
  public static Optional<Labeled> read(Path runDir) {
    Path file = runDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Stored stored = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8),
          Stored.class);
      var matrix = new ConfusionMatrix(stored.classNames());
      for (int r = 0; r < stored.counts().length; r++) {
        for (int c = 0; c < stored.counts()[r].length; c++) {
          for (long n = 0; n < stored.counts()[r][c]; n++) {
            matrix.add(r, c);
          }
        }
      }
      return Optional.of(new Labeled(stored.classNames(), matrix));
    } catch (IOException | RuntimeException e) {
      throw new DamagedRun(file + " is not a confusion matrix: " + e.getMessage(), e);
    }
  }

  /** A matrix with the names of its classes. */
  public record Labeled(List<String> classNames, ConfusionMatrix matrix) {}
}
