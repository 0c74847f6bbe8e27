package graphrunner.report;

import graphrunner.examples.Check;
import graphrunner.examples.SlideExamples;
import graphrunner.examples.WorkedExample;
import java.util.ArrayList;
import java.util.List;

/** The slides' worked examples, recomputed through TensorFlow graphs, beside the slides' numbers. */
final class ExamplesSection {
  private ExamplesSection() {}

  static Section compute() {
    List<WorkedExample> examples = SlideExamples.all();
    List<List<String>> rows = new ArrayList<>();
    for (WorkedExample example : examples) {
      for (Check check : example.checks()) {
        rows.add(List.of(example.name() + " (deck " + example.deck() + ")", check.line()));
      }
    }
    long matching = examples.stream().filter(WorkedExample::matches).count();
    return new Section("examples", "Worked examples", List.of(
        new Block.Text(matching + " of " + examples.size() + " examples match the slides "
            + "(✓ within half a unit of the slide's last printed digit)."),
        new Block.Command("tools/graph-runner examples"),
        new Block.Table(List.of("example", "ours (slide) match"), rows)));
  }
}
