package graphrunner.experiments;

import graphrunner.graph.Model;
import graphrunner.graph.SlideGraph;

/**
 * How an experiment's model is built: a function of the slide's settings, written in the
 * vocabulary of the {@link SlideGraph} it is handed. It keeps no state of its own; everything one
 * build collects lives in that {@code SlideGraph}, a fresh one per build.
 */
@FunctionalInterface
public interface ModelGraph {

  /** Builds the model into {@code g}'s graph, as on the slide. */
  Model build(SlideGraph g, Hyperparameters hp);
}
