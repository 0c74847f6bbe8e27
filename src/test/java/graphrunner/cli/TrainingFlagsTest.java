package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.experiments.Catalogue;
import graphrunner.train.NativeBfloat16;
import graphrunner.train.Tuning;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/**
 * The speed settings a run gets by default: one thread for a fully connected net's small steps,
 * bfloat16 for the nets it measured faster on.
 */
class TrainingFlagsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static Tuning tuning(String id, String... flags) throws Exception {
    Options options = TrainingFlags.addTo(new Options());
    CommandLine line = new DefaultParser().parse(options, flags);
    var experiment = Catalogue.experiment(id);
    var hp = TrainingFlags.hyperparameters(line, experiment, 60_000);
    return TrainingFlags.runConfig(line, experiment, hp).tuning();
  }

  @Test
  void aFullyConnectedNetAtTheSlidesBatchRunsOnOneThread() throws Exception {
    Tuning fc5 = tuning("fc5-relu-decay");
    assertEquals(1, fc5.intraOpThreads());
    assertEquals(1, fc5.interOpThreads());
    assertEquals(1, tuning("softmax").intraOpThreads());
  }

  @Test
  void aConvolutionalNetOrALargerBatchUsesEveryCore() throws Exception {
    Tuning cnn = tuning("cnn");
    assertEquals(CORES, cnn.intraOpThreads());
    assertEquals(CORES, cnn.interOpThreads());
    String larger = Integer.toString(Tuning.ONE_THREAD_MAX_BATCH + 1);
    assertEquals(CORES, tuning("fc5-relu-decay", "--batch-size", larger).intraOpThreads());
    assertEquals(1, tuning("fc5-relu-decay", "--batch-size",
        Integer.toString(Tuning.ONE_THREAD_MAX_BATCH)).intraOpThreads());
  }

  @Test
  void eachFlagOverridesItsOwnSetting() throws Exception {
    Tuning fc5 = tuning("fc5-relu-decay", "--threads", "3");
    assertEquals(3, fc5.intraOpThreads());
    assertEquals(1, fc5.interOpThreads());
    assertEquals(5, tuning("cnn", "--inter-op-threads", "5").interOpThreads());
  }

  @Test
  void onAGpuTheHostThreadsStayEveryCore() throws Exception {
    assertEquals(CORES, tuning("fc5-relu-decay", "--device", "gpu").intraOpThreads());
  }

  @Test
  void bfloat16IsOnByDefaultOnlyForTheNetsItMeasuredFasterOnAndOnlyWhereTheCpuHasIt()
      throws Exception {
    boolean here = NativeBfloat16.available();
    assertEquals(List.of("cnn-batchnorm", "keras-cnn", "mnist-cnn"),
        TrainingFlags.fasterInBfloat16().stream().sorted().toList());
    for (String id : List.of("cnn-batchnorm", "keras-cnn", "mnist-cnn")) {
      assertEquals(here, tuning(id).bfloat16(), id);
    }
    assertFalse(tuning("cnn").bfloat16());
    assertFalse(tuning("fc5-relu-decay").bfloat16());
  }

  @Test
  void bf16FlagOverridesTheDefaultButNotOnAGpu() throws Exception {
    assertTrue(tuning("cnn", "--bf16", "on").bfloat16());
    assertFalse(tuning("cnn-batchnorm", "--bf16", "off").bfloat16());
    assertFalse(tuning("cnn-batchnorm", "--device", "gpu").bfloat16());
    UserError onGpu = assertThrows(UserError.class,
        () -> tuning("cnn-batchnorm", "--device", "gpu", "--bf16", "on"));
    assertTrue(onGpu.getMessage().contains("--bf16"), onGpu.getMessage());
    assertThrows(UserError.class, () -> tuning("cnn", "--bf16", "yes"));
  }

  @Test
  void reproduceReusesOnlyARunOfTheSamePrecision() {
    var item = SuiteItem.of(Catalogue.experiment("cnn-batchnorm"), 10);
    assertEquals(NativeBfloat16.available(), item.settings(1, "sha", Optional.empty()).bfloat16());
    assertFalse(item.settings(1, "sha", Optional.of(false)).bfloat16());
    assertNotEquals(item.settings(1, "sha", Optional.of(false)),
        item.settings(1, "sha", Optional.of(true)));
  }

  @Test
  void aBfloat16RunSaysSoAndWhereTheCpuEmulatesIt() throws Exception {
    assertEquals(List.of(), TrainCommand.bfloat16Notes(tuning("cnn")));
    List<String> notes = TrainCommand.bfloat16Notes(tuning("cnn", "--bf16", "on"));
    assertTrue(notes.get(0).contains("bfloat16"), notes.toString());
    assertEquals(NativeBfloat16.available() ? 1 : 2, notes.size(), notes.toString());
  }

  @Test
  void reproduceLeavesEachItemItsOwnThreadsOnlyWithPoolsPerSession() {
    assertEquals(List.of(), SuiteRun.threadFlags(true, OptionalInt.empty(), 2));
    assertEquals(List.of("--threads", "3"), SuiteRun.threadFlags(true, OptionalInt.of(3), 2));
    assertEquals(List.of("--threads", "2", "--inter-op-threads", "2"),
        SuiteRun.threadFlags(false, OptionalInt.empty(), 2));
    assertEquals(List.of("--threads", "3", "--inter-op-threads", "2"),
        SuiteRun.threadFlags(false, OptionalInt.of(3), 2));
  }

  @Test
  void sweepTrainsAsManyCellsAtOnceAsTheCoresHoldOnlyWithPoolsPerSession() {
    Tuning oneThread = Tuning.everyCore().withIntraOpThreads(1).withInterOpThreads(1);
    assertEquals(2, SweepCommand.defaultCellsAtOnce(true, oneThread, 2));
    assertEquals(1, SweepCommand.defaultCellsAtOnce(false, oneThread, 2));
    assertEquals(1, SweepCommand.defaultCellsAtOnce(true, oneThread.withIntraOpThreads(2), 2));
    assertEquals(1, SweepCommand.defaultCellsAtOnce(true, oneThread.withInterOpThreads(2), 2));
    assertEquals(3, SweepCommand.defaultCellsAtOnce(true, oneThread.withIntraOpThreads(2), 7));
    assertEquals(9, SweepCommand.defaultCellsAtOnce(true, oneThread, 64)); // the nine cells
    assertEquals(1, SweepCommand.defaultCellsAtOnce(true, oneThread.withIntraOpThreads(4), 2));
  }
}
