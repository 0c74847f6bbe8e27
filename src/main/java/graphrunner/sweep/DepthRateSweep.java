package graphrunner.sweep;

import graphrunner.data.DataSplits;
import graphrunner.experiments.Hyperparameters;
import graphrunner.train.RunConfig;
import graphrunner.train.SessionFactory;
import graphrunner.train.Trainer;
import graphrunner.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Deck 003's depth × learning-rate table: trains {@link DepthSweepNet} for every (decay start,
 * depth) cell, one after the other, with the same seed and steps.
 */
public final class DepthRateSweep {
  /** One cell: its net and what the run achieved. */
  public record Cell(int layers, double lrMax, TrainingResult result, double slide) {}

  private final RunConfig base;
  private final BooleanSupplier stopRequested;

  /** @param base seed, threads, evaluation cadence and steps (its other settings are replaced) */
  public DepthRateSweep(RunConfig base, BooleanSupplier stopRequested) {
    this.base = base;
    this.stopRequested = stopRequested;
  }

  /** Runs every cell, telling {@code onCell} as each finishes; stops early when asked. */
  public List<Cell> run(DataSplits data, Consumer<Cell> onCell) {
    List<Cell> cells = new ArrayList<>();
    for (int row = 0; row < DepthSweepNet.DECAY_STARTS.size(); row++) {
      for (int col = 0; col < DepthSweepNet.DEPTHS.size(); col++) {
        if (stopRequested.getAsBoolean()) {
          return cells;
        }
        long[] widths = DepthSweepNet.DEPTHS.get(col);
        double lrMax = DepthSweepNet.DECAY_STARTS.get(row);
        var net = DepthSweepNet.of(widths, lrMax);
        Hyperparameters hp = net.defaults().withSteps(base.hyperparameters().steps());
        RunConfig config = base.withHyperparameters(hp);
        TrainingResult result = new Trainer(List.of(), stopRequested)
            .train(net, data, config, SessionFactory.forRun(config, () -> {}));
        var cell = new Cell(widths.length - 1, lrMax, result, DepthSweepNet.SLIDE[row][col]);
        cells.add(cell);
        onCell.accept(cell);
      }
    }
    return cells;
  }
}
