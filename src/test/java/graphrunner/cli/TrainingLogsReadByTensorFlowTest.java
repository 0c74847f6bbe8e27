package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import graphrunner.data.TinyIdx;
import graphrunner.tensorboard.EventFileReader;
import graphrunner.tensorboard.TensorFlowRecords;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** A real run's TensorBoard logs, read back by TensorFlow's own TFRecord reader. */
class TrainingLogsReadByTensorFlowTest {
  @TempDir Path temp;

  @Test
  void tensorFlowReadsEveryEventFileOfARunAndFindsTheRunsFigures() throws Exception {
    Path data = TinyIdx.writeDataset(temp.resolve("data"), 200, 100, 5);
    Path logdir = temp.resolve("runs");
    var run = CliRun.of("train", "softmax", "--steps", "30", "--eval-every", "10",
        "--histogram-every", "10", "--seed", "5", "--data-dir", data.toString(), "--logdir",
        logdir.toString(), "--no-export");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    Path runDir;
    try (Stream<Path> runs = Files.list(logdir.resolve("softmax"))) {
      runDir = runs.findFirst().orElseThrow();
    }

    List<Event> test = tensorFlowEvents(runDir.resolve("test"));
    List<Event> train = tensorFlowEvents(runDir.resolve("train"));
    assertEquals("brain.Event:2", test.get(0).getFileVersion());
    JsonObject summary = SummaryJson.read(runDir);
    Map<Long, Float> accuracy = EventFileReader.scalars(test, "accuracy");
    assertEquals(List.of(0L, 10L, 20L, 30L), List.copyOf(accuracy.keySet()));
    assertEquals(summary.get("final_test_accuracy").getAsDouble(), accuracy.get(30L), 1e-6);
    assertFalse(EventFileReader.values(test, Summary.Value.ValueCase.IMAGE).isEmpty(),
        "prediction images");
    assertFalse(EventFileReader.values(train, Summary.Value.ValueCase.HISTO).isEmpty(),
        "weight histograms");
    assertFalse(EventFileReader.scalars(train, "loss").isEmpty(), "training loss");
  }

  /** Every event file of {@code dir}, through TensorFlow, checked against our own reader. */
  private static List<Event> tensorFlowEvents(Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
          .sorted().toList();
    }
    assertFalse(files.isEmpty(), "no event file in " + dir);
    var events = new java.util.ArrayList<Event>();
    for (Path file : files) {
      List<Event> read = TensorFlowRecords.events(file);
      assertEquals(EventFileReader.read(file), read, file.toString());
      events.addAll(read);
    }
    return events;
  }
}
