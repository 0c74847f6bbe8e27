package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import graphrunner.data.DataSplits;
import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.experiments.Catalogue;
import graphrunner.train.listener.CheckpointListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed from its checkpoint ends exactly where an unbroken run ends. */
@Tag("slow") // pairs of training runs compared bit for bit
class ResumeTest {
  @TempDir static Path dataDir;
  static DataSplits tiny;
  @TempDir Path unbroken;
  @TempDir Path broken;

  @BeforeAll
  static void writeTinyData() throws Exception {
    TinyIdx.writeDataset(dataDir, 300, 100, 7);
    tiny = DataSplitsReader.read(Dataset.FASHION_MNIST, DatasetFolder.require(dataDir, "test"));
  }

  private static RunConfig config(String id, long steps) {
    var hp = Catalogue.experiment(id).defaults().withSteps(steps).withBatchSize(20);
    return RunConfig.of(hp, 11).withEvalEvery(25);
  }

  private static TrainingResult train(String id, RunConfig config, Path runDir,
      BooleanSupplier stop, Optional<Checkpoint> from) {
    return train(id, config, runDir, stop, from, new TrainingListener() {});
  }

  private static TrainingResult train(String id, RunConfig config, Path runDir,
      BooleanSupplier stop, Optional<Checkpoint> from, TrainingListener extra) {
    var checkpoints = new CheckpointListener(new Checkpoints(runDir), new CheckpointPolicy(1000, 0));
    return new Trainer(List.of(checkpoints, extra), stop).train(Catalogue.experiment(id), tiny,
        config, SessionFactory.forRun(config, () -> {}), from);
  }

  private static byte[] finalVariables(Path runDir) throws Exception {
    Checkpoint last = new Checkpoints(runDir).newest().orElseThrow();
    return Files.readAllBytes(last.dir().resolve("model.data-00000-of-00001"));
  }

  private void assertResumedRunEqualsUnbrokenRun(String id, int steps, int stopAt)
      throws Exception {
    RunConfig config = config(id, steps);
    TrainingResult whole = train(id, config, unbroken, () -> false, Optional.empty());

    var stopAfter = new StopAfter(stopAt);
    var stopped = train(id, config, broken, stopAfter, Optional.empty(), stopAfter);
    assertEquals("interrupted", stopped.status());
    Checkpoint checkpoint = new Checkpoints(broken).newest().orElseThrow();
    assertEquals(stopped.steps(), checkpoint.step());
    TrainingResult resumed = train(id, config, broken, () -> false, Optional.of(checkpoint));

    assertEquals("completed", resumed.status());
    assertArrayEquals(finalVariables(unbroken), finalVariables(broken),
        "final weights, optimiser slots, moving averages and global step, bit for bit");
    assertEquals(whole.finalTestAccuracy(), resumed.finalTestAccuracy());
    assertEquals(whole.finalTestLoss(), resumed.finalTestLoss());
    assertEquals(whole.finalTrainLoss(), resumed.finalTrainLoss());
    assertEquals(whole.maxTestAccuracy(), resumed.maxTestAccuracy());
    assertEquals(whole.maxAccuracyStep(), resumed.maxAccuracyStep());
  }

  @Test
  void dropoutNetResumedMidEpochEqualsAnUnbrokenRun() throws Exception {
    // 300 images / 20 = 15 steps an epoch: stopping at 37 resumes mid-way through the third
    assertResumedRunEqualsUnbrokenRun("fc5-relu-decay-dropout", 80, 37);
  }

  @Test
  void batchNormNetResumedEqualsAnUnbrokenRun() throws Exception {
    assertResumedRunEqualsUnbrokenRun("cnn-batchnorm", 30, 13);
  }

  @Test
  void dropoutMasksDependOnTheStepNotOnHowOftenTheGraphRan() throws Exception {
    // evaluating more often runs the graph more often; with stateful random ops that shifted
    // every later mask. The weights must not notice.
    TrainingResult rarely = train("fc5-relu-decay-dropout", config("fc5-relu-decay-dropout", 40),
        unbroken, () -> false, Optional.empty());
    TrainingResult often = train("fc5-relu-decay-dropout",
        config("fc5-relu-decay-dropout", 40).withEvalEvery(3), broken, () -> false,
        Optional.empty());
    assertEquals(rarely.finalTrainLoss(), often.finalTrainLoss());
    assertArrayEquals(finalVariables(unbroken), finalVariables(broken));
  }

  @Test
  void aStopDuringTheFirstEvaluationLeavesAStepZeroCheckpoint() {
    var result = train("softmax", config("softmax", 50), broken, () -> true, Optional.empty());
    assertEquals("interrupted", result.status());
    assertEquals(0, result.steps());
    assertEquals(0, new Checkpoints(broken).newest().orElseThrow().step());
  }

  @Test
  void checkpointsKeepOnlyTheNewestFew() {
    var config = config("softmax", 60);
    var checkpoints = new CheckpointListener(new Checkpoints(broken), new CheckpointPolicy(10, 0));
    new Trainer(List.of(checkpoints), () -> false).train(Catalogue.experiment("softmax"), tiny,
        config, SessionFactory.forRun(config, () -> {}));
    List<Long> kept = new Checkpoints(broken).list().stream().map(Checkpoint::step).toList();
    assertEquals(List.of(40L, 50L, 60L), kept);
    assertFalse(Files.exists(broken.resolve("checkpoints/step-30")));
  }

  /** Asks the loop to stop once it has done {@code n} updates, as Ctrl-C would. */
  private static final class StopAfter implements BooleanSupplier, TrainingListener {
    private final long n;
    private volatile boolean requested;

    StopAfter(long n) {
      this.n = n;
    }

    @Override
    public void onStep(RunContext run, long stepsDone, long stepNanos) {
      requested |= stepsDone >= n;
    }

    @Override
    public boolean getAsBoolean() {
      return requested;
    }
  }
}
