package graphrunner.report;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the report together from runs that exist: one section per experiment, then the sweep, the
 * Keras CNN's confusion matrix, a prediction grid, the worked examples and the environment.
 */
public final class ReportBuilder {
  private final List<RunRecord> runs;
  private final Optional<Path> sweepDir;
  private final boolean quick;

  /** @param quick the runs are {@code reproduce --quick} smoke runs, and the title must say so */
  public ReportBuilder(List<RunRecord> runs, Optional<Path> sweepDir, boolean quick) {
    this.runs = List.copyOf(runs);
    this.sweepDir = sweepDir;
    this.quick = quick;
  }

  public Report build() {
    List<Section> sections = new ArrayList<>();
    List<ResultRow> rows = new ArrayList<>();
    for (RunRecord run : runs) {
      var experiment = new ExperimentSection(run);
      rows.add(experiment.row());
      sections.add(experiment.section());
    }
    sections.add(0, SummarySection.of(rows, quick));
    sweepDir.map(SweepResults::read).ifPresent(sweep -> sections.add(sweep.section()));
    Optional<RunRecord> keras = runs.stream().filter(r -> r.experiment().equals("keras-cnn"))
        .findFirst();
    sections.add(ClassificationSection.of(keras));
    sections.add(PredictionSection.of(keras.or(() -> runs.stream().findFirst())));
    sections.add(ExamplesSection.compute());
    sections.add(EnvironmentSection.describe(runs));
    return new Report(title(), "made " + ZonedDateTime.now().format(
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + " by graph-runner", sections, rows);
  }

  private String title() {
    return quick
        ? "graph-runner QUICK RUN (smoke test, few steps): not a reproduction of the slides"
        : "graph-runner: the slides' experiments reproduced";
  }
}
