package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.data.TinyIdx;
import graphrunner.savedmodel.SavedModelExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a SavedModel can be damaged: exit code 3 and one line naming the broken piece. */
class DamagedSavedModelTest {
  private static final String DATA_FILE = "variables/variables.data-00000-of-00001";
  @TempDir static Path tinyData;
  @TempDir static Path trained;
  @TempDir Path copy;
  static Path good;

  @BeforeAll
  static void trainOneModel() {
    TinyIdx.writeDataset(tinyData, 200, 50, 5);
    var run = CliRun.of("train", "softmax", "--steps", "10", "--seed", "1", "--data-dir",
        tinyData.toString(), "--logdir", trained.resolve("runs").toString(), "--export-dir",
        trained.resolve("models").toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    good = trained.resolve("models/softmax/1");
  }

  @Test
  void theUndamagedCopyIsServedLikeTheOriginal() throws IOException {
    var run = CliRun.of("predict", damagedCopy().toString(), "--data-dir", tinyData.toString());
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.out().contains("test accuracy: "), run.out());
    var original = CliRun.of("predict", good.toString(), "--data-dir", tinyData.toString());
    assertEquals(original.out(), run.out());
  }

  @Test
  void missingSavedModelPb() throws IOException {
    Path model = damagedCopy();
    Files.delete(model.resolve("saved_model.pb"));
    assertDamaged(model, "saved_model.pb is missing");
  }

  @Test
  void emptySavedModelPb() throws IOException {
    Path model = damagedCopy();
    Files.write(model.resolve("saved_model.pb"), new byte[0]);
    assertDamaged(model, "saved_model.pb is empty");
  }

  @Test
  void truncatedSavedModelPb() throws IOException {
    Path model = damagedCopy();
    truncate(model.resolve("saved_model.pb"));
    assertDamaged(model, "saved_model.pb is truncated");
  }

  @Test
  void missingVariablesDirectory() throws IOException {
    Path model = damagedCopy();
    graphrunner.fs.StagingDirectory.deleteRecursively(model.resolve("variables"));
    assertDamaged(model, "variables is missing");
  }

  @Test
  void missingVariablesIndex() throws IOException {
    Path model = damagedCopy();
    Files.delete(model.resolve("variables/variables.index"));
    assertDamaged(model, "variables.index is missing");
  }

  @Test
  void truncatedVariablesIndex() throws IOException {
    Path model = damagedCopy();
    truncate(model.resolve("variables/variables.index"));
    assertDamaged(model, "variables.index is truncated or damaged");
  }

  @Test
  void missingDataFile() throws IOException {
    Path model = damagedCopy();
    Files.delete(model.resolve(DATA_FILE));
    assertDamaged(model, "variables.data-00000-of-00001 is missing");
  }

  @Test
  void truncatedDataFile() throws IOException {
    Path model = damagedCopy();
    truncate(model.resolve(DATA_FILE));
    assertDamaged(model, "variables.data-00000-of-00001 is truncated");
  }

  @Test
  void labelsThatDoNotMatchTheSignaturesClasses() throws IOException {
    Path model = damagedCopy();
    Files.writeString(model.resolve("assets/labels.txt"), "only two\n");
    var run = CliRun.of("predict", model.toString(), "--data-dir", tinyData.toString());
    assertEquals(ExitCode.DATA, run.exit(), run.err());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains("assets/labels.txt names 1 classes, its signature gives 10 "
        + "probabilities"), run.err());
  }

  @Test
  void withoutLabelsTheTestSetMustBeNamed() throws IOException {
    Path model = damagedCopy();
    Files.delete(model.resolve("assets/labels.txt"));
    var run = CliRun.of("predict", model.toString(), "--data-dir", tinyData.toString());
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("names no classes (no assets/labels.txt): name its test set "
        + "with --dataset"), run.err());
    var named = CliRun.of("predict", model.toString(), "--dataset", "fashion-mnist",
        "--data-dir", tinyData.toString());
    assertEquals(ExitCode.OK, named.exit(), named.err());
  }

  private void assertDamaged(Path model, String piece) {
    var inspect = CliRun.of("inspect", model.toString());
    var predict = CliRun.of("predict", model.toString(), "--data-dir", tinyData.toString());
    for (var run : new CliRun[] {inspect, predict}) {
      String command = run == inspect ? "inspect" : "predict";
      assertEquals(ExitCode.DATA, run.exit(), command + ": " + run.err());
      assertTrue(run.oneLineError(), command + ": " + run.err());
      assertTrue(run.err().contains(piece), command + ": " + piece + " in " + run.err());
    }
  }

  /** A copy of the good export, in this test's own folder. */
  private Path damagedCopy() throws IOException {
    Path target = copy.resolve("1");
    try (Stream<Path> files = Files.walk(good)) {
      for (Path source : files.toList()) {
        Files.copy(source, target.resolve(good.relativize(source).toString()));
      }
    }
    return target;
  }

  private static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
  }
}
