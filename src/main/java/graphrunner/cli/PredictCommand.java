package graphrunner.cli;

import graphrunner.data.DataLocator;
import graphrunner.data.Dataset;
import graphrunner.images.ImageFiles;
import graphrunner.metrics.ConfusionMatrix;
import graphrunner.savedmodel.SavedModelPredictor;
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

  @Override
  public void run(CommandLine line, Console out) {
    List<String> args = line.getArgList();
    if (args.isEmpty()) {
      throw new UserError(ExitCode.USAGE, "missing SavedModel directory");
    }
    try (var predictor = new SavedModelPredictor(Path.of(args.get(0)),
        line.hasOption("trust-model"))) {
      if (args.size() > 1) {
        predictFiles(predictor, args.subList(1, args.size()), out);
      } else {
        evaluateTestSet(predictor, line, out);
      }
    }
  }

  private static void predictFiles(SavedModelPredictor predictor, List<String> files,
      Console out) {
    for (String file : files) {
      boolean[] inverted = new boolean[1];
      float[] pixels = ImageFiles.read(Path.of(file), inverted);
      float[] p = predictor.probabilities(pixels, 1)[0];
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      out.println(String.format("%s: %s (%.1f %%)%s", file, predictor.classNames().get(best),
          100 * p[best], inverted[0] ? "  [light background: inverted]" : ""));
    }
  }

  private static void evaluateTestSet(SavedModelPredictor predictor, CommandLine line,
      Console out) {
    String datasetId = line.getOptionValue("dataset",
        predictor.classNames().get(0).equals("0") ? "mnist" : "fashion-mnist");
    var data = DataLocator.fromEnvironment().load(Dataset.byId(datasetId),
        Optional.ofNullable(Flags.path(line, "data-dir", null)));
    ConfusionMatrix matrix = predictor.evaluate(data.test(), 1000);
    out.println(String.format("test accuracy: %.4f (%,d images of %s)", matrix.accuracy(),
        matrix.total(), datasetId));
    out.println("");
    out.out().print(matrix.format());
  }
}
