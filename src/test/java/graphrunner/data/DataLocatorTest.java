package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.DatasetUnavailable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
  @TempDir Path tmp;

  private static final Function<String, String> NO_ENV = name -> null;
  private static final DatasetDownloader FAST =
      new DatasetDownloader(Duration.ofSeconds(2), Duration.ofSeconds(10));

  /** A locator whose downloads can only reach the given loopback mirrors. */
  private DataLocator locator(Function<String, String> env, List<URI> mirrors, Map<SplitFile, String> md5s) {
    return new DataLocator(env, tmp.resolve("cache"),
        dataset -> new DownloadSpec(dataset.id(), mirrors, md5s), FAST);
  }

  /** The MD5s of a published data set's four files, as a download spec states them. */
  private static Map<SplitFile, String> md5sOf(Path published) throws IOException {
    Map<SplitFile, String> md5s = new EnumMap<>(SplitFile.class);
    for (SplitFile file : SplitFile.ALL) {
      md5s.put(file, DatasetDownloader.md5Hex(published.resolve(file.gzName())));
    }
    return md5s;
  }

  /** Puts {@code files} of a published data set on the server, under "mnist". */
  private static void serveAsMnist(LoopbackFileServer server, Path published,
      List<SplitFile> files) throws IOException {
    for (SplitFile file : files) {
      server.serve("mnist", file.gzName(), Files.readAllBytes(published.resolve(file.gzName())));
    }
  }

  private URI refusingMirror;

  @BeforeEach
  void findRefusingMirror() throws IOException {
    refusingMirror = LoopbackFileServer.refusingBase();
  }

  /** Behaves as if offline: its only mirror refuses connections. */
  private DataLocator offlineLocator(Function<String, String> env) {
    return locator(env, List.of(refusingMirror), Dataset.FASHION_MNIST.downloadSpec().md5s());
  }

  private DatasetUnavailable fails(Runnable action) {
    DatasetUnavailable error = assertThrows(DatasetUnavailable.class, action::run);
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
    return error;
  }

  @Test
  void dataDirWinsOverEnvironment() throws IOException {
    Path dataDir = TinyIdx.writeDataset(tmp.resolve("given"), 30, 10, 1);
    TinyIdx.writeDataset(tmp.resolve("root").resolve("fashion-mnist"), 40, 10, 2);
    Function<String, String> env = Map.of(DataLocator.DATA_ENV, tmp.resolve("root").toString())::get;

    DataSplits splits = offlineLocator(env).load(Dataset.FASHION_MNIST, Optional.of(dataDir));

    assertEquals(30, splits.train().count());
  }

  @Test
  void environmentRootIsUsedWithoutDataDir() throws IOException {
    TinyIdx.writeDataset(tmp.resolve("root").resolve("mnist"), 40, 10, 2);
    Function<String, String> env = Map.of(DataLocator.DATA_ENV, tmp.resolve("root").toString())::get;

    DataSplits splits = offlineLocator(env).load(Dataset.MNIST, Optional.empty());

    assertEquals(40, splits.train().count());
    assertEquals("mnist", splits.datasetId());
  }

  @Test
  void cacheIsUsedWhenNothingIsConfigured() throws IOException {
    TinyIdx.writeDataset(tmp.resolve("cache").resolve("fashion-mnist"), 20, 10, 4);
    DataSplits splits = offlineLocator(NO_ENV).load(Dataset.FASHION_MNIST, Optional.empty());
    assertEquals(20, splits.train().count());
  }

  @Test
  void namesEachFileMissingFromDataDir() throws IOException {
    Path dataDir = TinyIdx.writeDataset(tmp.resolve("given"), 10, 10, 1);
    Files.delete(dataDir.resolve("train-labels-idx1-ubyte.gz"));
    Files.delete(dataDir.resolve("t10k-images-idx3-ubyte.gz"));

    DatasetUnavailable error = fails(() -> offlineLocator(NO_ENV).locate(Dataset.FASHION_MNIST, Optional.of(dataDir)));

    assertEquals("--data-dir: " + dataDir + " lacks train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"
        + " (the uncompressed name without .gz is accepted too)", error.getMessage());
  }

  @Test
  void namesTheEnvironmentFolderThatLacksTheDataset() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Function<String, String> env = Map.of(DataLocator.DATA_ENV, root.toString())::get;

    DatasetUnavailable error = fails(() -> offlineLocator(env).locate(Dataset.MNIST, Optional.empty()));

    assertTrue(error.getMessage().startsWith("GRAPH_RUNNER_DATA=" + root + ": " + root.resolve("mnist")),
        error.getMessage());
  }

  @Test
  void acceptsUncompressedFilesWhenGzIsAbsent() throws IOException {
    Path dataDir = TinyIdx.writeDataset(tmp.resolve("given"), 10, 10, 1);
    for (SplitFile file : SplitFile.values()) {
      Path gz = dataDir.resolve(file.gzName());
      // Still gzip inside: the reader goes by content, the locator only by name.
      Files.move(gz, dataDir.resolve(file.rawName()));
    }
    DatasetFiles files = offlineLocator(NO_ENV).locate(Dataset.FASHION_MNIST, Optional.of(dataDir));
    assertEquals(dataDir.resolve("t10k-labels-idx1-ubyte"), files.testLabels());
    assertEquals(10, DataSplitsReader.read(Dataset.FASHION_MNIST, files).test().count());
  }

  @Test
  void downloadsIntoTheCacheWhenItIsEmpty() throws IOException {
    Path published = TinyIdx.writeDataset(tmp.resolve("published"), 25, 10, 5);
    try (LoopbackFileServer server = new LoopbackFileServer()) {
      serveAsMnist(server, published, SplitFile.ALL);
      DataLocator locator = locator(NO_ENV, List.of(server.base("mnist")), md5sOf(published));

      DataSplits splits = locator.load(Dataset.MNIST, Optional.empty());

      assertEquals(25, splits.train().count());
      assertTrue(Files.isRegularFile(tmp.resolve("cache/mnist/train-images-idx3-ubyte.gz")));
    }
  }

  @Test
  void aFolderWithOnlyTheTestPairServesTheTestSetAlone() throws IOException {
    Path dataDir = TinyIdx.writeDataset(tmp.resolve("given"), 30, 10, 1);
    Files.delete(dataDir.resolve("train-images-idx3-ubyte.gz"));
    Files.delete(dataDir.resolve("train-labels-idx1-ubyte.gz"));

    LabeledImages test = offlineLocator(NO_ENV).loadTest(Dataset.FASHION_MNIST,
        Optional.of(dataDir));

    assertEquals(10, test.count());
    DatasetUnavailable training = fails(() -> offlineLocator(NO_ENV).load(Dataset.FASHION_MNIST,
        Optional.of(dataDir)));
    assertTrue(training.getMessage().contains(
        "lacks train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz"), training.getMessage());
  }

  @Test
  void aMissingTestPairIsNamedAlone() throws IOException {
    Path dataDir = TinyIdx.writeDataset(tmp.resolve("given"), 30, 10, 1);
    Files.delete(dataDir.resolve("t10k-labels-idx1-ubyte.gz"));

    DatasetUnavailable error = fails(() -> offlineLocator(NO_ENV).loadTest(Dataset.MNIST,
        Optional.of(dataDir)));

    assertEquals("--data-dir: " + dataDir + " lacks t10k-labels-idx1-ubyte.gz (the uncompressed "
        + "name without .gz is accepted too)", error.getMessage());
  }

  @Test
  void theTestSetAloneIsDownloadedWithoutTheTrainingSet() throws IOException {
    Path published = TinyIdx.writeDataset(tmp.resolve("published"), 25, 10, 5);
    try (LoopbackFileServer server = new LoopbackFileServer()) {
      serveAsMnist(server, published, SplitFile.TEST); // a request for a training file would fail
      DataLocator locator = locator(NO_ENV, List.of(server.base("mnist")), md5sOf(published));

      LabeledImages test = locator.loadTest(Dataset.MNIST, Optional.empty());

      assertEquals(10, test.count());
      assertTrue(Files.isRegularFile(tmp.resolve("cache/mnist/t10k-images-idx3-ubyte.gz")));
      assertFalse(Files.exists(tmp.resolve("cache/mnist/train-images-idx3-ubyte.gz")));
    }
  }

  @Test
  void offlineTheTestSetAloneAsksForTheTestPairOnly() {
    DatasetUnavailable error = fails(() -> offlineLocator(NO_ENV).loadTest(Dataset.FASHION_MNIST,
        Optional.empty()));
    assertTrue(error.getMessage().startsWith("cannot download fashion-mnist (offline?): put "
        + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz in DIR and pass --data-dir DIR"),
        error.getMessage());
  }

  @Test
  void allMirrorsFailingGivesOneLineWithTheWayOut() {
    DatasetUnavailable error = fails(() -> offlineLocator(NO_ENV).load(Dataset.FASHION_MNIST, Optional.empty()));
    assertTrue(error.getMessage().startsWith("cannot download fashion-mnist (offline?): put "
        + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
        + "t10k-labels-idx1-ubyte.gz in DIR and pass --data-dir DIR, or set GRAPH_RUNNER_DATA "
        + "to a folder holding fashion-mnist/"), error.getMessage());
    assertTrue(error.getMessage().contains(": cannot connect"), "in words: " + error.getMessage());
    assertFalse(error.getMessage().contains("Exception"), error.getMessage());
    assertFalse(DatasetFolder.holds(tmp.resolve("cache/fashion-mnist"), SplitFile.ALL));
  }

  @Test
  void cacheFollowsXdgCacheHome() {
    Path home = Path.of("/home/someone");
    assertEquals(Path.of("/xdg/graph-runner"),
        DataLocator.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "/xdg")::get, home));
    assertEquals(home.resolve(".cache/graph-runner"), DataLocator.defaultCacheRoot(NO_ENV, home));
    assertEquals(home.resolve(".cache/graph-runner"),
        DataLocator.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "relative")::get, home));
  }
}
