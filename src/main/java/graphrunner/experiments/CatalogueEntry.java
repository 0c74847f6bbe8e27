package graphrunner.experiments;

import java.util.List;

/** What {@code list} shows of every entry: something to train, or a graph only to look at. */
public sealed interface CatalogueEntry permits Experiment, LookOnlyGraph {

  /** The catalogue id, e.g. {@code fc5-relu-decay}. */
  String id();

  /** The slide deck it comes from, e.g. {@code 003}. */
  String deck();

  /** The test accuracy the slide reports, as the slide prints it ({@code -} when none). */
  String slideAccuracy();

  /** One line for {@code list}. */
  String title();

  /** Our choices where the slide is silent; printed by {@code describe}. */
  List<String> choices();
}
