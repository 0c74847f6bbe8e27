package graphrunner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.train.RunConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrainingBenchmark#inTurns}: every loop takes every one of its steps, turn by turn. */
class TakingTurnsTest {
  @TempDir
  Path temp;

  @Test
  void eachLoopRunsItsStepsInTurnsAndTheSettlingTurnsAreLeftOut() {
    Path dataDir = temp.resolve("data");
    TinyIdx.writeDataset(dataDir, 300, 50, 7);
    var data = DataSplitsReader.read(Dataset.FASHION_MNIST,
        DatasetFolder.require(dataDir, "test"));
    int steps = 130;
    var config = RunConfig.of(Catalogue.experiment("softmax").defaults().withSteps(steps), 3);
    var turns = new TrainingBenchmark("softmax", data, config).inTurns(20);

    // 130 steps in turns of 20: 7 turns, the last of 10; the first 40 steps settle (2 turns)
    assertEquals(5, turns.turnNanos().length);
    for (long[] turn : turns.turnNanos()) {
      for (long loopNanos : turn) {
        assertTrue(loopNanos > 0, "every loop took its turn");
      }
    }
    // each loop's figures count its steps after the settling ones
    assertEquals(steps - TrainingBenchmark.SETTLING_STEPS, turns.runner().steps());
    assertEquals(steps - TrainingBenchmark.SETTLING_STEPS, turns.bare().steps());
    assertEquals(steps - TrainingBenchmark.SETTLING_STEPS, turns.batches().steps());
    assertEquals(5, turns.runnerOverheads().length);
    double[] batchOverheads = turns.batchOverheads();
    for (int t = 0; t < batchOverheads.length; t++) {
      long[] turn = turns.turnNanos()[t];
      assertEquals(100.0 * turn[2] / turn[1] - 100, batchOverheads[t], 1e-9);
    }
  }
}
