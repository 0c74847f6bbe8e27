package graphrunner.report;

import graphrunner.UnreadableFiles;
import graphrunner.fs.IoErrors;
import graphrunner.tensorboard.EventFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * A run's curves, read back from its TensorBoard event files ({@code train/} and {@code test/}):
 * step → value for each scalar, and the last prediction grid the run logged.
 */
public record RunCurves(NavigableMap<Long, Double> testAccuracy,
    NavigableMap<Long, Double> testLoss, NavigableMap<Long, Double> trainAccuracy,
    NavigableMap<Long, Double> trainLoss, NavigableMap<Long, Double> learningRate,
    Optional<byte[]> lastPredictionGrid) {

  public static RunCurves read(Path runDir) {
    try {
      List<Event> train = EventFileReader.readAllIn(runDir.resolve("train"));
      List<Event> test = EventFileReader.readAllIn(runDir.resolve("test"));
      return new RunCurves(scalars(test, "accuracy"), scalars(test, "loss"),
          scalars(train, "accuracy"), scalars(train, "loss"), scalars(train, "learning_rate"),
          lastImage(test, "predictions"));
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read the event files of " + runDir + ": "
          + IoErrors.reason(e), e);
    }
  }

  /** True when the learning rate changes over the run (a decaying schedule). */
  public boolean learningRateDecays() {
    if (learningRate.isEmpty()) {
      return false;
    }
    double first = learningRate.firstEntry().getValue();
    return learningRate.values().stream().anyMatch(v -> Math.abs(v - first) > 1e-12);
  }

  private static NavigableMap<Long, Double> scalars(List<Event> events, String tag) {
    NavigableMap<Long, Double> values = new TreeMap<>();
    EventFileReader.scalars(events, tag).forEach((step, value) -> values.put(step, (double) value));
    return values;
  }

  private static Optional<byte[]> lastImage(List<Event> events, String tag) {
    byte[] last = null;
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        if (v.getTag().equals(tag) && v.hasImage()) {
          last = v.getImage().getEncodedImageString().toByteArray();
        }
      }
    }
    return Optional.ofNullable(last);
  }
}
