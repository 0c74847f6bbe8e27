package graphrunner.cluster;

import graphrunner.data.LabeledImages;
import java.util.Random;

/**
 * A trainer's own part of the training set: the set shuffled once with the run's seed (the same
 * order on every task), then every n-th image from this trainer's position. Shards are disjoint
 * and together cover the set; each trainer then reshuffles its shard with its own seed.
 */
final class DataShard {
  private DataShard() {}

  static LabeledImages of(LabeledImages train, int shard, int shards, long runSeed) {
    int[] order = new int[train.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(runSeed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] mine = new int[(order.length - shard + shards - 1) / shards];
    for (int i = 0; i < mine.length; i++) {
      mine[i] = order[shard + i * shards];
    }
    return train.select(mine);
  }

  /** The seed a trainer shuffles its shard with: distinct per task, fixed by the run's seed. */
  static long seedOf(long runSeed, int shard) {
    return runSeed * 31 + shard + 1;
  }
}
