package graphrunner.cli;

import graphrunner.data.SplitFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the launcher runs once per build, under {@code -XX:ArchiveClassesAtExit}, so that the JVM
 * archives the classes a training run loads: a two-step {@code train} with its evaluations,
 * TensorBoard logs, checkpoint and SavedModel export, on a tiny generated data set in a
 * temporary folder that is deleted afterwards. Later launches map those classes from the archive
 * instead of loading and verifying them again.
 */
public final class ClassArchiveWarmUp {
  private static final int TRAIN_IMAGES = 200;
  private static final int TEST_IMAGES = 100;

  private ClassArchiveWarmUp() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    // a failed warm-up would archive a failure's classes: the launcher keeps no archive then
    System.exit(run().code());
  }

  /** The warm-up's training run, in a temporary folder deleted afterwards. */
  static ExitCode run() throws IOException {
    Path temp = Files.createTempDirectory("graph-runner-warm-up");
    ExitCode exit;
    try {
      Path data = writeData(temp.resolve("data"));
      var quiet = new PrintStream(OutputStream.nullOutputStream());
      exit = new Main(new Console(quiet, quiet, false)).run(new String[] {"train",
          "fc5-relu-decay", "--steps", "2", "--eval-every", "1", "--seed", "1",
          "--data-dir", data.toString(), "--logdir", temp.resolve("runs").toString(),
          "--export-dir", temp.resolve("models").toString()});
    } finally {
      try (Stream<Path> files = Files.walk(temp)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return exit;
  }

  /** The four IDX files, uncompressed: black images, labels cycling through the classes. */
  private static Path writeData(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeSplit(dir, SplitFile.TRAIN_IMAGES, SplitFile.TRAIN_LABELS, TRAIN_IMAGES);
    writeSplit(dir, SplitFile.TEST_IMAGES, SplitFile.TEST_LABELS, TEST_IMAGES);
    return dir;
  }

  private static void writeSplit(Path dir, SplitFile imagesFile, SplitFile labelsFile, int count)
      throws IOException {
    try (var images = new DataOutputStream(Files.newOutputStream(
        dir.resolve(imagesFile.rawName())))) {
      images.writeInt(0x0803); // unsigned bytes, three dimensions
      images.writeInt(count);
      images.writeInt(28);
      images.writeInt(28);
      images.write(new byte[count * 28 * 28]);
    }
    try (var labels = new DataOutputStream(Files.newOutputStream(
        dir.resolve(labelsFile.rawName())))) {
      labels.writeInt(0x0801); // unsigned bytes, one dimension
      labels.writeInt(count);
      for (int i = 0; i < count; i++) {
        labels.writeByte(i % 10);
      }
    }
  }
}
