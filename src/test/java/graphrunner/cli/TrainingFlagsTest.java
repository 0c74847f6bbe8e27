package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphrunner.experiments.Catalogue;
import graphrunner.train.Tuning;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/** The threads a run gets by default: one for a fully connected net's small steps. */
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
