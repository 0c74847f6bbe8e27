package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import graphrunner.data.TinyIdx;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce on tiny generated data, and the report it writes: HTML, notebook, CSV. */
@Tag("slow") // several training runs per test
class ReproduceReportTest {
  @TempDir static Path tmp;
  static CliRun first;
  static Path reportDir;

  static CliRun reproduce(Path root, String... ids) {
    List<String> args = new ArrayList<>(List.of("reproduce"));
    args.addAll(List.of(ids));
    args.addAll(List.of("--steps", "3", "--data-root", root.resolve("data").toString(),
        "--logdir", root.resolve("runs").toString(), "--export-dir",
        root.resolve("models").toString(), "--report-dir", root.resolve("reports").toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  static void writeTinyData(Path root) {
    TinyIdx.writeDataset(root.resolve("data/fashion-mnist"), 300, 100, 3);
    TinyIdx.writeDataset(root.resolve("data/mnist"), 300, 100, 4);
  }

  static long runDirs(Path root, String experiment) throws Exception {
    try (Stream<Path> dirs = Files.list(root.resolve("runs").resolve(experiment))) {
      return dirs.count();
    }
  }

  @BeforeAll
  static void reproduceTwoExperiments() throws Exception {
    writeTinyData(tmp);
    first = reproduce(tmp, "softmax", "keras-cnn");
    assertEquals(ExitCode.OK, first.exit(), first.err());
    try (Stream<Path> reports = Files.list(tmp.resolve("reports"))) {
      reportDir = reports.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst()
          .orElseThrow();
    }
  }

  @Test
  void suitePrintsOneHeaderPerExperimentWithItsEta() {
    assertTrue(first.err().contains("[1/2] softmax · suite ETA"), first.err());
    assertTrue(first.err().contains("[2/2] keras-cnn · suite ETA"), first.err());
  }

  @Test
  void htmlParsesAndHoldsEverySectionWithAnImagePerChart() throws Exception {
    Document html = Jsoup.parse(reportDir.resolve("report.html").toFile(), "UTF-8");
    for (String id : List.of("summary", "experiment-softmax", "experiment-keras-cnn",
        "confusion", "predictions", "examples", "environment")) {
      assertNotNull(html.getElementById(id), "section " + id);
    }
    // accuracy + loss for each experiment, the confusion matrix, the prediction grid
    assertEquals(2, html.getElementById("experiment-softmax").select("img").size());
    assertEquals(1, html.getElementById("confusion").select("img").size());
    assertEquals(1, html.getElementById("predictions").select("img").size());
    for (Element img : html.select("img")) {
      String src = img.attr("src");
      assertTrue(src.startsWith("data:image/png;base64,"), "inline image");
      assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
          .decode(src.substring(src.indexOf(',') + 1)))));
    }
    assertTrue(html.select("script, link").isEmpty(), "nothing fetched, nothing run");
    assertTrue(html.title().contains("QUICK RUN"), "3-step runs are no reproduction");
  }

  @Test
  void notebookIsValidNbformat4AndEveryImageDecodes() throws Exception {
    JsonNode notebook = new ObjectMapper().readTree(reportDir.resolve("report.ipynb").toFile());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/nbformat/nbformat.v4.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(notebook);
    assertTrue(errors.isEmpty(), errors.toString());
    int images = 0;
    for (JsonNode cell : notebook.get("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        JsonNode png = output.path("data").path("image/png");
        if (!png.isMissingNode()) {
          assertNotNull(ImageIO.read(new ByteArrayInputStream(
              Base64.getDecoder().decode(png.asText()))));
          images++;
        }
      }
    }
    assertTrue(images >= 6, "charts in the notebook: " + images);
    assertTrue(notebook.toString().contains("tools/graph-runner train keras-cnn --seed 42"));
  }

  @Test
  void resultsHaveOneRowPerExperiment() throws Exception {
    List<String> csv = Files.readAllLines(reportDir.resolve("results.csv"));
    assertEquals(3, csv.size(), csv.toString());
    assertTrue(csv.get(1).startsWith("softmax,003,0.831300,"), csv.get(1));
    assertEquals(2, new ObjectMapper().readTree(reportDir.resolve("results.json").toFile())
        .size());
  }

  /**
   * One process trains every item, and with thread pools per session (the launcher's, and the
   * tests') each keeps its own default: one thread for softmax, every core for keras-cnn.
   */
  @Test
  void eachItemTrainsOnItsOwnDefaultThreads() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    for (String id : List.of("softmax", "keras-cnn")) {
      int expected = id.equals("softmax") ? 1 : cores;
      try (Stream<Path> runs = Files.list(tmp.resolve("runs").resolve(id))) {
        Path summary = runs.findFirst().orElseThrow().resolve("summary.json");
        var json = new ObjectMapper().readTree(summary.toFile());
        assertEquals(expected, json.get("threads").asInt(), id);
        assertEquals(expected, json.get("inter_op_threads").asInt(), id);
        assertEquals("per-session", json.get("thread_pools").asText(), id);
      }
    }
  }

  /** Staging folders of reports whose process is gone (killed mid-write) go with the next one. */
  @Test
  void aReportClearsWhatAKilledReportLeft() throws Exception {
    Path reports = tmp.resolve("reports");
    Path dead = Files.createDirectories(reports.resolve(".tmp-" + Integer.MAX_VALUE + "-1"));
    Files.writeString(dead.resolve("report.html"), "half");
    // as the report named them before it shared the checkpoints' staging folders
    Path olderName = Files.createDirectories(reports.resolve(".tmp-20260101-000000-4194305"));
    CliRun report = CliRun.of("report", "--logdir", tmp.resolve("runs").toString(),
        "--report-dir", reports.toString());
    assertEquals(ExitCode.OK, report.exit(), report.err());
    assertFalse(Files.exists(dead), "a dead pid's staging folder");
    assertFalse(Files.exists(olderName), "a dead pid's staging folder, older name");
    try (Stream<Path> left = Files.list(reports)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("."))
          .toList());
    }
  }

  @Test
  void secondReproduceReusesTheFinishedRunsAndOnlyRebuildsTheReport() throws Exception {
    CliRun second = reproduce(tmp, "softmax", "keras-cnn");
    assertEquals(ExitCode.OK, second.exit(), second.err());
    assertEquals(1, runDirs(tmp, "softmax"));
    assertEquals(1, runDirs(tmp, "keras-cnn"));
    assertTrue(second.err().contains("reusing"), second.err());
    assertFalse(second.out().contains("max test accuracy"), "nothing trained");
  }
}
