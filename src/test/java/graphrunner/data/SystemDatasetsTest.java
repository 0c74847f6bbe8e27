package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system-wide copy (Debian's /usr/share/datasets) comes after GRAPH_RUNNER_DATA, before the cache. */
class SystemDatasetsTest {
  @TempDir Path tmp;

  private DataLocator locator(Map<String, String> env) {
    return new DataLocator(env::get, tmp.resolve("cache"), Dataset::downloadSpec,
        DatasetDownloader.withDefaultTimeouts(), Optional.of(tmp.resolve("system")));
  }

  @Test
  void systemCopyIsUsedWhenNothingIsNamed() {
    Path system = TinyIdx.writeDataset(tmp.resolve("system/fashion-mnist"), 20, 10, 1);
    TinyIdx.writeDataset(tmp.resolve("cache/fashion-mnist"), 20, 10, 2);
    DatasetFiles files = locator(Map.of()).locate(Dataset.FASHION_MNIST, Optional.empty());
    assertEquals(system, files.trainImages().getParent());
  }

  @Test
  void environmentWinsOverTheSystemCopy() {
    TinyIdx.writeDataset(tmp.resolve("system/fashion-mnist"), 20, 10, 1);
    Path env = TinyIdx.writeDataset(tmp.resolve("env/fashion-mnist"), 20, 10, 2);
    DatasetFiles files = locator(Map.of(DataLocator.DATA_ENV, tmp.resolve("env").toString()))
        .locate(Dataset.FASHION_MNIST, Optional.empty());
    assertEquals(env, files.trainImages().getParent());
  }

  @Test
  void incompleteSystemCopyFallsThroughToTheCache() throws Exception {
    Path system = TinyIdx.writeDataset(tmp.resolve("system/mnist"), 20, 10, 1);
    java.nio.file.Files.delete(system.resolve(SplitFile.TEST_LABELS.gzName()));
    Path cache = TinyIdx.writeDataset(tmp.resolve("cache/mnist"), 20, 10, 2);
    DatasetFiles files = locator(Map.of()).locate(Dataset.MNIST, Optional.empty());
    assertEquals(cache, files.trainImages().getParent());
  }
}
