package graphrunner.cli;

import graphrunner.data.DataLocator;
import graphrunner.data.Dataset;
import graphrunner.data.LabeledImages;
import graphrunner.images.ImageFiles;
import graphrunner.metrics.ConfusionMatrix;
import graphrunner.savedmodel.SavedModelExporter;
import graphrunner.savedmodel.SavedModelPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code predict DIR [IMAGE...]}: runs a SavedModel through its signature only, on image files or
 * on the test set of its data set.
 */
final class PredictCommand implements Command {

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String arguments() {
    return "DIR [IMAGE...]";
  }

  @Override
  public String summary() {
    return "run a SavedModel (through serving_default only) on PNG/JPEG files, or on the test "
        + "set: accuracy and confusion matrix";
  }

  @Override
  public Options options() {
    var options = new Options();
    options.addOption(TrainingFlags.valued("data-dir", "DIR",
        "folder with the test set's IDX files (else $GRAPH_RUNNER_DATA, cache, download)"));
    options.addOption(TrainingFlags.valued("dataset", "ID",
        "fashion-mnist or mnist (default: mnist when the model's labels are digits)"));
    options.addOption(org.apache.commons.cli.Option.builder().longOpt("trust-model")
        .desc("serve a model even if its serving path reads or writes files, runs code or uses "
            + "the network (refused otherwise, exit code 3)").build());
    return options;
  }

  /**
   * What {@code predict} was asked, checked before the model loads: the images exist, --dataset
   * names a data set (when it is not given, the model's labels choose).
   */
  record Request(Path model, List<Path> images, boolean trustModel, Optional<Dataset> dataset,
      Optional<Path> dataDir) {

    static Request from(CommandLine line) {
      List<String> args = line.getArgList();
      if (args.isEmpty()) {
        throw new UserError(ExitCode.USAGE, "missing SavedModel directory");
      }
      List<Path> images = args.subList(1, args.size()).stream().map(Path::of).toList();
      for (Path image : images) {
        // else the model loads, and some images are predicted, before a typo is noticed
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
          throw new UserError(ExitCode.DATA, image + ": cannot read image: no such readable file");
        }
      }
      return new Request(Path.of(args.get(0)), images, line.hasOption("trust-model"),
          Optional.ofNullable(line.getOptionValue("dataset")).map(Dataset::byId),
          Optional.ofNullable(Flags.path(line, "data-dir", null)));
    }
  }

  @Override
  public void run(CommandLine line, Console out) {
    Request request = Request.from(line);
    try (var predictor = new SavedModelPredictor(request.model(), request.trustModel())) {
      if (!request.images().isEmpty()) {
        predictFiles(predictor, request.images(), out);
      } else {
        evaluateTestSet(predictor, request, out);
      }
    }
  }

  private static void predictFiles(SavedModelPredictor predictor, List<Path> files,
      Console out) {
    for (Path file : files) {
      boolean[] inverted = new boolean[1];
      float[] pixels = ImageFiles.read(file, inverted);
      float[] p = predictor.probabilities(pixels, 1)[0];
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      out.println(String.format("%s: %s (%.1f %%)%s", file, predictor.classNames().get(best),
          100 * p[best], inverted[0] ? "  [light background: inverted]" : ""));
    }
  }

  private static void evaluateTestSet(SavedModelPredictor predictor, Request request,
      Console out) {
    Optional<Dataset> trainedOn = predictor.labelled()
        ? Dataset.withClasses(predictor.classNames()) : Optional.empty();
    Dataset dataset = request.dataset().orElseGet(() -> trainedOn.orElseThrow(() ->
        new UserError(ExitCode.USAGE, request.model() + (predictor.labelled()
            ? " classifies " + classes(predictor) + ", the classes of no known data set"
            : " names no classes (no " + SavedModelExporter.LABELS + ")")
            + ": name its test set with --dataset")));
    if (trainedOn.isPresent() && trainedOn.get() != dataset) {
      throw new UserError(ExitCode.USAGE, request.model() + " classifies " + trainedOn.get().id()
          + " (" + classes(predictor) + "), not " + dataset.id());
    }
    LabeledImages test = DataLocator.fromEnvironment().loadTest(dataset, request.dataDir());
    ConfusionMatrix matrix = predictor.evaluate(test, 1000);
    out.println(String.format("test accuracy: %.4f (%,d images of %s)", matrix.accuracy(),
        matrix.total(), dataset.id()));
    out.println("");
    out.out().print(matrix.format());
  }

  private static String classes(SavedModelPredictor predictor) {
    List<String> names = predictor.classNames();
    return String.join(", ", names.subList(0, Math.min(3, names.size())))
        + (names.size() > 3 ? ", ..." : "");
  }
}
