package graphrunner.experiments;

import graphrunner.UnknownExperiment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every experiment of {@code EXPERIMENTS.md}, by id, in the catalogue's order. */
public final class Catalogue {
  private static final Map<String, Supplier<Experiment>> EXPERIMENTS = new LinkedHashMap<>();

  static {
    register(Softmax::new);
    register(Fc5Sigmoid::new);
    register(Fc5Relu::new);
    register(Fc5ReluDecay::new);
    register(Fc5ReluDecayDropout::new);
    register(Dfn::new);
    register(GraphIntro::new);
    register(Cnn::new);
    register(CnnDropout::new);
    register(CnnBatchnorm::new);
    register(KerasCnn::new);
    register(ImeCnn::new);
    register(MnistSoftmax::new);
    register(MnistCnn::new);
  }

  private Catalogue() {}

  private static void register(Supplier<Experiment> factory) {
    EXPERIMENTS.put(factory.get().id(), factory);
  }

  public static List<String> ids() {
    return List.copyOf(EXPERIMENTS.keySet());
  }

  /** Fresh instances, one per experiment, for listing. */
  public static List<Experiment> all() {
    return EXPERIMENTS.values().stream().map(Supplier::get).toList();
  }

  /** A fresh instance of {@code id}, ready to build one graph; unknown ids suggest the nearest. */
  public static Experiment create(String id) {
    var factory = EXPERIMENTS.get(id);
    if (factory == null) {
      throw new UnknownExperiment("unknown experiment '" + id + "'" + suggestion(id)
          + " (see: graph-runner list)");
    }
    return factory.get();
  }

  private static String suggestion(String id) {
    String nearest = ids().stream()
        .min(Comparator.comparingInt(known -> editDistance(id, known))).orElseThrow();
    return editDistance(id, nearest) <= Math.max(3, nearest.length() / 2)
        ? ": did you mean '" + nearest + "'?" : "";
  }

  /** Levenshtein distance: how many one-character edits turn {@code a} into {@code b}. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
