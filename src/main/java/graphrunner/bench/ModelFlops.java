package graphrunner.bench;

import graphrunner.experiments.Experiment;
import graphrunner.experiments.Hyperparameters;
import graphrunner.graph.Model;
import graphrunner.graph.Seeds;
import java.util.Iterator;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * The arithmetic of a classifier graph, counted from its MatMul and Conv2D shapes (what
 * dominates; element-wise ops are left out): multiply-adds × 2 per example for a forward pass.
 * A training step costs about three forward passes (forward, gradients of the activations and of
 * the weights), plus one for a second batch-norm pass.
 *
 * @param forwardPerExample FLOPs of one example's forward pass (an evaluation's cost per image)
 * @param passesPerUpdate forward passes' worth of arithmetic per training example
 */
public record ModelFlops(double forwardPerExample, int passesPerUpdate) {

  /** The arithmetic of {@code experiment} built with {@code hp}. */
  public static ModelFlops of(Experiment experiment, Hyperparameters hp) {
    try (Graph graph = new Graph()) {
      Model model = experiment.build(Ops.create(graph), new Seeds(0), hp);
      return new ModelFlops(forwardPerExample(graph), model.afterUpdate().isEmpty() ? 3 : 4);
    }
  }

  /** FLOPs of one training update on {@code batchSize} images. */
  public double trainingPerStep(int batchSize) {
    return passesPerUpdate * forwardPerExample * batchSize;
  }

  /** FLOPs of one example's forward pass: the forward ops are those outside the train scope. */
  static double forwardPerExample(Graph graph) {
    double flops = 0;
    for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
      GraphOperation op = ops.next();
      if (op.name().startsWith("train/")) {
        continue;
      }
      switch (op.type()) {
        case "MatMul" -> {
          Shape in = op.input(0).shape();
          Shape out = op.output(0).shape();
          if (in.numDimensions() == 2 && !in.isUnknown() && in.size(0) == Shape.UNKNOWN_SIZE) {
            flops += 2.0 * in.size(1) * out.size(1); // [-1, k] × [k, n]
          }
        }
        case "Conv2D" -> {
          Shape out = op.output(0).shape(); // [-1, h, w, cout]
          Shape filter = op.input(1).shape(); // [kh, kw, cin, cout]
          flops += 2.0 * out.size(1) * out.size(2) * filter.size(0) * filter.size(1)
              * filter.size(2) * filter.size(3);
        }
        default -> { }
      }
    }
    return flops;
  }
}
