package graphrunner.report;

import graphrunner.GraphRunnerException;
import graphrunner.UnreadableFiles;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The runs under a log dir ({@code <logdir>/<experiment>/<timestamp>/}), newest first. */
public final class RunIndex {
  /** A run directory and, when it has a readable summary.json, what it says. */
  public record Entry(Path dir, String experiment, Optional<RunRecord> record) {}

  private final List<Entry> entries;

  private RunIndex(List<Entry> entries) {
    this.entries = entries;
  }

  /** Scans {@code logdir}; a missing log dir has no runs. Unreadable summaries are listed empty. */
  public static RunIndex scan(Path logdir) {
    List<Entry> entries = new ArrayList<>();
    for (Path experimentDir : children(logdir)) {
      String experiment = experimentDir.getFileName().toString();
      for (Path runDir : children(experimentDir)) {
        entries.add(new Entry(runDir, experiment, readQuietly(runDir)));
      }
    }
    entries.sort(Comparator.comparing((Entry e) -> stampOrder(e.dir())).reversed());
    return new RunIndex(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The newest completed run of {@code experiment}. */
  public Optional<RunRecord> newestFinished(String experiment) {
    return entries.stream().filter(e -> e.experiment().equals(experiment))
        .flatMap(e -> e.record().stream()).filter(RunRecord::completed).findFirst();
  }

  /** The newest completed run trained with exactly {@code settings}. */
  public Optional<RunRecord> finishedWith(RunSettings settings) {
    return entries.stream().flatMap(e -> e.record().stream()).filter(RunRecord::completed)
        .filter(r -> RunSettings.of(r).equals(settings)).findFirst();
  }

  /** The newest run with exactly {@code settings} that was interrupted or killed midway. */
  public Optional<RunRecord> resumableWith(RunSettings settings) {
    return entries.stream().flatMap(e -> e.record().stream())
        .filter(r -> r.status().equals("interrupted") || r.status().equals("killed"))
        .filter(r -> RunSettings.of(r).equals(settings)).findFirst();
  }

  /** Finished sweeps ({@code <logdir>/sweep/<timestamp>/} with all nine cells), newest first. */
  public List<Path> sweeps() {
    return sweepDirs().filter(dir -> whyLeftOut(dir).isEmpty()).toList();
  }

  /**
   * Why each sweep newer than the one the report uses is left out of it, one line each: its
   * sweep.csv is damaged, or the sweep stopped before all its cells. Sweeps without a sweep.csv
   * (still running, or killed) and ones older than the used one are not mentioned.
   */
  public List<String> sweepsLeftOut() {
    List<String> reasons = new ArrayList<>();
    for (Path dir : sweepDirs().toList()) {
      Optional<String> why = whyLeftOut(dir);
      if (why.isEmpty()) {
        break;
      }
      if (Files.isRegularFile(dir.resolve(SweepResults.CSV))) {
        reasons.add(why.get());
      }
    }
    return reasons;
  }

  private Stream<Path> sweepDirs() {
    return entries.stream().filter(e -> e.experiment().equals("sweep")).map(Entry::dir);
  }

  /** Empty for a sweep with all nine cells. */
  private static Optional<String> whyLeftOut(Path dir) {
    Path csv = dir.resolve(SweepResults.CSV);
    if (!Files.isRegularFile(csv)) {
      return Optional.of(csv + " is missing");
    }
    try {
      SweepResults sweep = SweepResults.read(dir);
      return sweep.complete() ? Optional.empty() : Optional.of(csv + " has " + sweep.cellCount()
          + " of " + SweepResults.GRID_CELLS + " cells (the sweep was stopped, or the file cut)");
    } catch (GraphRunnerException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Optional<RunRecord> readQuietly(Path runDir) {
    if (!RunRecord.hasSummary(runDir)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunRecord.read(runDir));
    } catch (GraphRunnerException e) {
      return Optional.empty(); // listed as unreadable; `report DIR` says why
    }
  }

  /** yyyyMMdd-HHmmss, then the -2, -3 of runs started in the same second, in number order. */
  private static String stampOrder(Path dir) {
    String name = dir.getFileName().toString();
    int dash = name.indexOf('-', 9);
    String suffix = dash < 0 ? "" : name.substring(dash + 1);
    String base = dash < 0 ? name : name.substring(0, dash);
    return base + String.format("%06d", suffix.matches("\\d{1,6}") ? Integer.parseInt(suffix) : 0);
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read " + dir + ": " + IoErrors.reason(e), e);
    }
  }
}
