package graphrunner.sweep;

import graphrunner.data.DataSplits;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Deck 003's depth × learning-rate table: trains {@link DepthSweepNet} for every (decay start,
 * depth) cell with the same seed and steps, {@code cellsAtOnce} of them side by side, each in a
 * session of its own. Every cell's result is what it would be alone: its seeds come from the
 * run's seed, and nothing but the data, which no cell changes, is shared.
 */
public final class DepthRateSweep {
  /** One cell: its net and what the run achieved. */
  public record Cell(int layers, double lrMax, TrainingResult result, double slide) {}

  private final RunConfig base;
  private final BooleanSupplier stopRequested;
  private final int cellsAtOnce;

  /**
   * @param base seed, threads, evaluation cadence and steps (its other settings are replaced)
   * @param cellsAtOnce how many cells train side by side (1: one after the other)
   */
  public DepthRateSweep(RunConfig base, BooleanSupplier stopRequested, int cellsAtOnce) {
    if (cellsAtOnce < 1) {
      throw new IllegalArgumentException("cellsAtOnce " + cellsAtOnce);
    }
    this.base = base;
    this.stopRequested = stopRequested;
    this.cellsAtOnce = cellsAtOnce;
  }

  /**
   * Runs every cell, telling {@code onCell} as each finishes (from the thread that trained it);
   * stops early when asked. The cells come back in the table's order, rows by decay start: those
   * started, each completed or interrupted. A cell that fails stops the others after their step,
   * and its exception is rethrown once they have ended.
   */
  public List<Cell> run(DataSplits data, Consumer<Cell> onCell) {
    int rows = DepthSweepNet.DECAY_STARTS.size();
    int columns = DepthSweepNet.DEPTHS.size();
    Cell[] cells = new Cell[rows * columns];
    AtomicBoolean failed = new AtomicBoolean();
    BooleanSupplier stop = () -> failed.get() || stopRequested.getAsBoolean();
    AtomicInteger worker = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(cellsAtOnce, task -> {
      Thread thread = new Thread(task, "sweep-cell-" + worker.incrementAndGet());
      thread.setDaemon(true); // cells abandoned by an interrupted wait must not hold the JVM
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < cells.length; i++) {
        int index = i;
        running.add(pool.submit(() -> {
          if (stop.getAsBoolean()) {
            return; // not started: the table ends before it
          }
          try {
            cells[index] = train(index / columns, index % columns, data, stop);
            onCell.accept(cells[index]);
          } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      awaitAll(running);
    } finally {
      pool.shutdownNow();
    }
    // cells start in the table's order, so those that ran are its beginning
    return Arrays.stream(cells).takeWhile(Objects::nonNull).toList();
  }

  private Cell train(int row, int column, DataSplits data, BooleanSupplier stop) {
    long[] widths = DepthSweepNet.DEPTHS.get(column);
    double lrMax = DepthSweepNet.DECAY_STARTS.get(row);
    var net = DepthSweepNet.of(widths, lrMax);
    Hyperparameters hp = net.defaults().withSteps(base.hyperparameters().steps());
    RunConfig config = base.withHyperparameters(hp);
    TrainingResult result = new Trainer(List.of(), stop)
        .train(net, data, config, SessionFactory.forRun(config, () -> {}));
    return new Cell(widths.length - 1, lrMax, result, DepthSweepNet.SLIDE[row][column]);
  }

  /** Waits for every cell, then rethrows the first failure, unwrapped. */
  private static void awaitAll(List<Future<?>> running) {
    Throwable first = null;
    for (Future<?> cell : running) {
      try {
        cell.get();
      } catch (ExecutionException e) {
        first = first == null ? e.getCause() : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the sweep's cells", e);
      }
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }
}
