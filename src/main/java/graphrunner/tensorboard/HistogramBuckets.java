package graphrunner.tensorboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.HistogramProto;

/**
 * Builds {@link HistogramProto}s over TensorFlow's default bucket edges: ±1e-12 × 1.1^k up to 1e20
 * and a bucket at 0, the edges {@code tf.summary.histogram} uses, so TensorBoard draws our
 * histograms exactly as it draws TF1's.
 *
 * <p>TensorBoard takes each bucket's left edge from the previous {@code bucket_limit}, so the
 * buckets must tile the range: a run of empty buckets is written as one empty bucket (as TF does),
 * never left out, or the next non-empty bucket would be drawn stretched across the gap.
 */
final class HistogramBuckets {
  private static final double[] EDGES = defaultEdges();

  private HistogramBuckets() {}

  static HistogramProto of(float[] values) {
    var builder = HistogramProto.newBuilder();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    double sumSquares = 0;
    long[] counts = new long[EDGES.length];
    long counted = 0;
    for (float v : values) {
      if (Float.isNaN(v)) {
        continue; // a diverged run's weights: NaN has no bucket, infinities go to the outer ones
      }
      counted++;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sumSquares += (double) v * v;
      counts[bucketOf(v)]++;
    }
    if (counted == 0) {
      return builder.build();
    }
    builder.setMin(min).setMax(max).setNum(counted).setSum(sum).setSumSquares(sumSquares);
    addBuckets(builder, counts);
    return builder.build();
  }

  /** TensorFlow's rule: the first bucket whose limit is above {@code v}; the last takes the rest. */
  private static int bucketOf(float v) {
    int found = Arrays.binarySearch(EDGES, v);
    int bucket = found >= 0 ? found + 1 : -found - 1;
    return Math.min(bucket, EDGES.length - 1);
  }

  /** The buckets from the first non-empty one to the last, each run of empty ones as one. */
  private static void addBuckets(HistogramProto.Builder builder, long[] counts) {
    int first = 0;
    while (counts[first] == 0) {
      first++;
    }
    int last = counts.length - 1;
    while (counts[last] == 0) {
      last--;
    }
    for (int i = first; i <= last; i++) {
      if (counts[i] == 0 && counts[i + 1] == 0) {
        continue; // i + 1 <= last here, since counts[last] > 0
      }
      builder.addBucketLimit(EDGES[i]).addBucket(counts[i]);
    }
  }

  private static double[] defaultEdges() {
    List<Double> positive = new ArrayList<>();
    for (double v = 1e-12; v < 1e20; v *= 1.1) {
      positive.add(v);
    }
    double[] edges = new double[positive.size() * 2 + 3];
    int n = 0;
    edges[n++] = -Double.MAX_VALUE;
    for (int i = positive.size() - 1; i >= 0; i--) {
      edges[n++] = -positive.get(i);
    }
    edges[n++] = 0;
    for (double v : positive) {
      edges[n++] = v;
    }
    edges[n] = Double.MAX_VALUE;
    return edges;
  }
}
