package graphrunner.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.DataSplits;
import graphrunner.data.DataSplitsReader;
import graphrunner.data.Dataset;
import graphrunner.data.DatasetFolder;
import graphrunner.data.TinyIdx;
import graphrunner.sweep.DepthRateSweep.Cell;
import graphrunner.train.RunConfig;
import graphrunner.train.Tuning;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepthRateSweepTest {
  @TempDir Path dataDir;

  private static RunConfig oneThreadCells() {
    var template = DepthSweepNet.of(DepthSweepNet.DEPTHS.get(1), 0.003);
    return RunConfig.of(template.defaults().withSteps(40), 3).withEvalEvery(20)
        .withTuning(Tuning.everyCore().withIntraOpThreads(1).withInterOpThreads(1)
            .withPrefetch(false));
  }

  @Tag("slow")
  @Test
  void cellsSideBySideGiveWhatEachGivesAloneInTheTablesOrder() throws Exception {
    TinyIdx.writeDataset(dataDir, 300, 100, 7);
    DataSplits data = DataSplitsReader.read(Dataset.FASHION_MNIST,
        DatasetFolder.require(dataDir, "test"));

    List<Cell> alone = new DepthRateSweep(oneThreadCells(), () -> false, 1).run(data, c -> {});

    // Each cell's first stop check waits until a second cell has made its own: one after the
    // other, the first would wait in vain.
    Set<Thread> cellThreads = ConcurrentHashMap.newKeySet();
    CountDownLatch twoCellsIn = new CountDownLatch(2);
    AtomicBoolean waitedInVain = new AtomicBoolean();
    BooleanSupplier neverStop = () -> {
      if (cellThreads.add(Thread.currentThread())) {
        twoCellsIn.countDown();
        try {
          waitedInVain.compareAndSet(false, !twoCellsIn.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return false;
    };
    List<Cell> sideBySide = new DepthRateSweep(oneThreadCells(), neverStop, 2)
        .run(data, c -> {});

    assertTrue(!waitedInVain.get(), "no second cell trained beside the first");
    assertEquals(2, cellThreads.size(), cellThreads.toString());
    assertEquals(9, sideBySide.size());
    for (int i = 0; i < 9; i++) {
      Cell a = alone.get(i);
      Cell b = sideBySide.get(i);
      assertEquals(DepthSweepNet.DEPTHS.get(i % 3).length - 1, b.layers(), "cell " + i);
      assertEquals(DepthSweepNet.DECAY_STARTS.get(i / 3), b.lrMax(), "cell " + i);
      assertEquals("completed", b.result().status(), "cell " + i);
      assertEquals(a.result().maxTestAccuracy(), b.result().maxTestAccuracy(), "cell " + i);
      assertEquals(a.result().finalTestAccuracy(), b.result().finalTestAccuracy(), "cell " + i);
      assertEquals(a.result().finalTestLoss(), b.result().finalTestLoss(), "cell " + i);
      assertEquals(a.result().finalTrainLoss(), b.result().finalTrainLoss(), "cell " + i);
    }
  }
}
