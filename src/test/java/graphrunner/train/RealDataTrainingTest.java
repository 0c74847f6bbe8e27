package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.DataSplits;
import graphrunner.data.Dataset;
import graphrunner.data.RealData;
import graphrunner.experiments.Catalogue;
import graphrunner.train.listener.CheckpointListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short runs on the real Fashion-MNIST (skipped, visibly, without GRAPH_RUNNER_DATA): the full
 * slide runs are the job of {@code tools/graph-runner train}, not of the test suite.
 */
@Tag("slow") // training on the real data
class RealDataTrainingTest {
  static DataSplits fashion;

  /** Per test, so that each one shows as skipped without the data; loaded once. */
  @BeforeEach
  void loadRealData() {
    if (fashion == null) {
      fashion = RealData.loadOrSkip(Dataset.FASHION_MNIST);
    }
  }

  private static TrainingResult train(String id, long steps) {
    var config = RunConfig.of(Catalogue.experiment(id).defaults().withSteps(steps), 1)
        .withEvalEvery(250);
    return new Trainer(List.of(), () -> false).train(Catalogue.experiment(id), fashion, config,
        SessionFactory.forRun(config, () -> {}));
  }

  @Test
  void fc5ReluDecayPasses84PercentWithin1000Steps() {
    var result = train("fc5-relu-decay", 1000);
    assertTrue(result.maxTestAccuracy() > 0.84, "max test accuracy " + result.maxTestAccuracy());
  }

  @Test
  void aRunResumedOnRealDataEndsBitForBitWhereAnUnbrokenOneEnds(@TempDir Path unbroken,
      @TempDir Path broken) throws Exception {
    String id = "fc5-relu-decay-dropout";
    var config = RunConfig.of(Catalogue.experiment(id).defaults().withSteps(300), 1)
        .withEvalEvery(100);
    var whole = trainWithCheckpoints(id, config, unbroken, () -> false, Optional.empty());
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    TrainingListener stopAt130 = new TrainingListener() {
      @Override
      public void onStep(RunContext run, long stepsDone, long stepNanos) {
        stop.compareAndSet(false, stepsDone == 130);
      }
    };
    trainWithCheckpoints(id, config, broken, stop::get, Optional.empty(), stopAt130);
    Checkpoint at130 = new Checkpoints(broken).newest().orElseThrow();
    assertEquals(130, at130.step());
    var resumed = trainWithCheckpoints(id, config, broken, () -> false, Optional.of(at130));

    assertEquals(whole.finalTestAccuracy(), resumed.finalTestAccuracy());
    assertEquals(whole.finalTrainLoss(), resumed.finalTrainLoss());
    assertArrayEquals(variables(unbroken), variables(broken));
  }

  private static TrainingResult trainWithCheckpoints(String id, RunConfig config, Path runDir,
      BooleanSupplier stop, Optional<Checkpoint> from, TrainingListener... extra) {
    List<TrainingListener> listeners = new ArrayList<>(List.of(extra));
    listeners.add(new CheckpointListener(new Checkpoints(runDir), new CheckpointPolicy(1000, 0)));
    return new Trainer(listeners, stop).train(Catalogue.experiment(id), fashion, config,
        SessionFactory.forRun(config, () -> {}), from);
  }

  private static byte[] variables(Path runDir) throws Exception {
    return Files.readAllBytes(new Checkpoints(runDir).newest().orElseThrow().dir()
        .resolve("model.data-00000-of-00001"));
  }

  @Test
  void softmaxPasses78PercentWithin500Steps() {
    var result = train("softmax", 500);
    assertTrue(result.maxTestAccuracy() > 0.78, "max test accuracy " + result.maxTestAccuracy());
  }
}
