package graphrunner.report;

import graphrunner.UnwritableOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes {@code <root>/<timestamp>/} with report.html, report.ipynb, results.csv and results.json.
 * Everything goes into a hidden {@code .tmp-} folder first, renamed into place when complete: a
 * failed or killed write never leaves a folder that looks like a finished report.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String NOTEBOOK = "report.ipynb";
  public static final String CSV = "results.csv";
  public static final String JSON = "results.json";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ReportWriter() {}

  /** Returns the finished report folder. */
  public static Path write(Report report, Path root) {
    String stamp = LocalDateTime.now().format(STAMP);
    Path temp = root.resolve(".tmp-" + stamp + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(temp);
      Files.writeString(temp.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(NOTEBOOK), NotebookReport.render(report),
          StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(CSV), ResultsFiles.csv(report.rows()), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve(JSON), ResultsFiles.json(report.rows()),
          StandardCharsets.UTF_8);
      Path target = freeName(root, stamp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException | SecurityException e) {
      deleteQuietly(temp);
      throw new UnwritableOutput("cannot write the report under " + root + ": "
          + (e instanceof AccessDeniedException ? "permission denied (" + e.getMessage() + ")"
              : e.getMessage()), e);
    }
  }

  private static Path freeName(Path root, String stamp) {
    Path target = root.resolve(stamp);
    for (int n = 2; Files.exists(target); n++) {
      target = root.resolve(stamp + "-" + n);
    }
    return target;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a hidden .tmp- folder is never mistaken for a report
    }
  }
}
