package graphrunner.report;

import graphrunner.Phases;
import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import graphrunner.fs.StagingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Writes {@code <root>/<timestamp>/} with report.html, report.ipynb, results.csv and results.json.
 * Everything goes into a hidden {@link StagingDirectory} first, renamed into place when complete:
 * a failed, stopped or killed write never leaves a folder that looks like a finished report, and
 * the next report removes what a killed one left.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String NOTEBOOK = "report.ipynb";
  public static final String CSV = "results.csv";
  public static final String JSON = "results.json";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ReportWriter() {}

  /**
   * Returns the finished report folder. Gives up, leaving nothing behind (not even {@code root}
   * if it made it), when {@code stopRequested} says so before the final rename.
   */
  public static Path write(Report report, Path root, BooleanSupplier stopRequested) {
    String stamp = LocalDateTime.now().format(STAMP);
    try {
      StagingDirectory.removeAbandoned(root);
      try (StagingDirectory staging = StagingDirectory.in(root)) {
        Path temp = staging.path();
        Map<String, Supplier<String>> files = new LinkedHashMap<>();
        files.put(HTML, () -> HtmlReport.render(report));
        files.put(NOTEBOOK, () -> NotebookReport.render(report));
        files.put(CSV, () -> ResultsFiles.csv(report.rows()));
        files.put(JSON, () -> ResultsFiles.json(report.rows()));
        for (var file : files.entrySet()) {
          stopIfRequested(stopRequested);
          Files.writeString(temp.resolve(file.getKey()), file.getValue().get(),
              StandardCharsets.UTF_8);
        }
        Phases.reached("report", stopRequested);
        stopIfRequested(stopRequested);
        return staging.publishUnderFreeName(n -> root.resolve(n == 1 ? stamp : stamp + "-" + n),
            "a report under " + root);
      }
    } catch (IOException | SecurityException e) {
      throw new UnwritableOutput("cannot write the report under " + root + ": "
          + IoErrors.reason(e), e);
    }
  }

  private static void stopIfRequested(BooleanSupplier stopRequested) {
    if (stopRequested.getAsBoolean()) {
      throw new ReportInterrupted();
    }
  }

  /** The report was abandoned on a stop request; nothing was left under its root. */
  public static final class ReportInterrupted extends RuntimeException {
    ReportInterrupted() {
      super("the report was interrupted", null, false, false);
    }
  }
}
