package graphrunner.cli;

import graphrunner.examples.Check;
import graphrunner.examples.SlideExamples;
import graphrunner.examples.WorkedExample;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code examples}: the slides' worked examples recomputed by TensorFlow, beside the slides' numbers. */
final class ExamplesCommand implements Command {

  @Override
  public String name() {
    return "examples";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "recompute the slides' worked examples (softmax, entropy, back-propagation, "
        + "convolution, pooling) through TensorFlow";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public void run(CommandLine line, Console out) {
    List<WorkedExample> examples = SlideExamples.all();
    for (WorkedExample example : examples) {
      out.println(example.name() + " (deck " + example.deck() + ")");
      for (Check check : example.checks()) {
        out.println("  " + check.line());
      }
    }
    long matching = examples.stream().filter(WorkedExample::matches).count();
    out.println(matching + "/" + examples.size() + " examples match the slides");
    if (matching < examples.size()) {
      throw new UserError(ExitCode.INTERNAL, (examples.size() - matching)
          + " worked example(s) differ from the slides (marked ✗)");
    }
  }
}
