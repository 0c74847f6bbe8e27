package graphrunner.train;

import graphrunner.graph.Knob;
import graphrunner.graph.Model;
import graphrunner.graph.TrainStep;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * One training update as the session runs it: the batch and every knob's training value fed
 * (pkeep, is_training), the train op, then the after-update ops on the same batch (moving
 * averages). The one place that knows this, for the {@link Trainer} and the benchmark's bare loop
 * alike, so the two cannot drift apart (the bench once trained cnn-batchnorm in inference mode).
 */
public final class StepRunner implements AutoCloseable {
  private final Session session;
  private final Model model;
  private final TrainStep trainStep;
  private final List<Operand<?>> alwaysFetched;
  private final RunOptions options;
  private final List<Tensor> knobValues = new ArrayList<>();

  public StepRunner(Session session, Model model, TrainStep trainStep) {
    this(session, model, trainStep, List.of(), RunOptions.getDefaultInstance());
  }

  /**
   * A runner that also fetches {@code alwaysFetched} with every update, ahead of the metrics,
   * and runs with {@code options} (a cluster worker: the shared step after its update, and a
   * timeout).
   */
  public StepRunner(Session session, Model model, TrainStep trainStep,
      List<Operand<?>> alwaysFetched, RunOptions options) {
    this.session = session;
    this.model = model;
    this.trainStep = trainStep;
    this.alwaysFetched = List.copyOf(alwaysFetched);
    this.options = options;
    model.knobs().forEach(k -> knobValues.add(k.trainingTensor()));
  }

  /** One update on the batch; nothing is fetched. */
  public void update(Batch batch) {
    run(batch, false).close();
  }

  /**
   * One update on the batch. The result holds what is always fetched, then, with
   * {@code withMetrics}, the batch's loss, accuracy and the learning rate the update used, in
   * that order; the caller closes it.
   */
  public Result run(Batch batch, boolean withMetrics) {
    var runner = updateRun(batch, options);
    alwaysFetched.forEach(runner::fetch);
    if (withMetrics) {
      runner.fetch(model.loss()).fetch(model.accuracy()).fetch(trainStep.learningRate());
    }
    Result result = runner.run();
    if (!model.afterUpdate().isEmpty()) {
      try {
        afterUpdateRun(batch, options).run().close();
      } catch (RuntimeException e) {
        result.close(); // the caller never gets it
        throw e;
      }
    }
    return result;
  }

  /**
   * One update traced by TensorFlow ({@code FULL_TRACE}): the step stats of each session run it
   * took (one, or two with an after-update pass).
   */
  public List<RunMetadata> traced(Batch batch) {
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
        .build();
    List<RunMetadata> runs = new ArrayList<>();
    try (Result r = updateRun(batch, trace).runAndFetchMetadata()) {
      r.getMetadata().ifPresent(runs::add);
    }
    if (!model.afterUpdate().isEmpty()) {
      try (Result r = afterUpdateRun(batch, trace).runAndFetchMetadata()) {
        r.getMetadata().ifPresent(runs::add);
      }
    }
    return runs;
  }

  /** The update's session run: the batch and knobs fed, the train op as target. */
  private Session.Runner updateRun(Batch batch, RunOptions runOptions) {
    return feed(batch).addTarget(trainStep.train()).setOptions(runOptions);
  }

  /** The second run on the same batch, for the after-update ops (two-pass moving averages). */
  private Session.Runner afterUpdateRun(Batch batch, RunOptions runOptions) {
    var after = feed(batch).setOptions(runOptions);
    model.afterUpdate().forEach(after::addTarget);
    return after;
  }

  private Session.Runner feed(Batch batch) {
    var runner = session.runner().feed(model.imageBytes(), batch.images())
        .feed(model.labels(), batch.labels());
    List<Knob> knobs = model.knobs();
    for (int i = 0; i < knobs.size(); i++) {
      runner.feed(knobs.get(i).node(), knobValues.get(i));
    }
    return runner;
  }

  @Override
  public void close() {
    knobValues.forEach(Tensor::close);
  }
}
