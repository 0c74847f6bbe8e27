package graphrunner.experiments;

import graphrunner.NothingToTrain;
import graphrunner.UnknownExperiment;
import java.util.Comparator;
import java.util.List;

/** Every entry of {@code EXPERIMENTS.md}, in the catalogue's order: plain values, built once. */
public final class Catalogue {
  private static final List<CatalogueEntry> ENTRIES = List.of(
      Softmax.EXPERIMENT,
      Fc5Sigmoid.EXPERIMENT,
      Fc5Relu.EXPERIMENT,
      Fc5ReluDecay.EXPERIMENT,
      Fc5ReluDecayDropout.EXPERIMENT,
      Dfn.EXPERIMENT,
      GraphIntro.GRAPH,
      Cnn.EXPERIMENT,
      CnnDropout.EXPERIMENT,
      CnnBatchnorm.EXPERIMENT,
      KerasCnn.EXPERIMENT,
      ImeCnn.EXPERIMENT,
      MnistSoftmax.EXPERIMENT,
      MnistCnn.EXPERIMENT);

  static {
    if (ENTRIES.stream().map(CatalogueEntry::id).distinct().count() != ENTRIES.size()) {
      throw new IllegalStateException("two catalogue entries share an id");
    }
  }

  private Catalogue() {}

  public static List<String> ids() {
    return ENTRIES.stream().map(CatalogueEntry::id).toList();
  }

  /** Every entry, for listing: the experiments and the graphs only to look at. */
  public static List<CatalogueEntry> entries() {
    return ENTRIES;
  }

  /** The experiments that train, in the catalogue's order. */
  public static List<Experiment> experiments() {
    return ENTRIES.stream().filter(Experiment.class::isInstance).map(Experiment.class::cast)
        .toList();
  }

  /** The entry {@code id}; unknown ids suggest the nearest. */
  public static CatalogueEntry entry(String id) {
    return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new UnknownExperiment("unknown experiment '" + id + "'"
            + suggestion(id) + " (see: graph-runner list)"));
  }

  /**
   * The experiment {@code id}, to train; unknown ids suggest the nearest, and a graph only to look
   * at says so.
   */
  public static Experiment experiment(String id) {
    if (entry(id) instanceof Experiment experiment) {
      return experiment;
    }
    throw new NothingToTrain(id + " has nothing to train: it is built to be looked at "
        + "(graph-runner describe " + id + ")");
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
