package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import graphrunner.UnknownDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetTest {
  @Test
  void findsDatasetById() {
    assertEquals(Dataset.MNIST, Dataset.byId("mnist"));
    UnknownDataset error = assertThrows(UnknownDataset.class, () -> Dataset.byId("cifar10"));
    assertTrue(error.getMessage().contains("fashion-mnist, mnist"), error.getMessage());
  }

  /**
   * The shared MNIST copy is byte for byte the published files, so the MD5s a download checks
   * against must be theirs (Fashion-MNIST's shared copy is recompressed: no such check for it).
   */
  @Test
  void theMd5sADownloadChecksAreThoseOfThePublishedMnistFiles() throws Exception {
    String root = System.getenv(DataLocator.DATA_ENV);
    assumeTrue(root != null && !root.isBlank(), DataLocator.DATA_ENV + " not set: skipped");
    Path mnist = Path.of(root, Dataset.MNIST.id());
    assumeTrue(Files.isDirectory(mnist), DataLocator.DATA_ENV + " lacks mnist/: skipped");
    for (SplitFile file : SplitFile.values()) {
      Path gz = mnist.resolve(file.gzName());
      assertEquals(DatasetDownloader.md5Hex(gz), Dataset.MNIST.md5(file), gz.toString());
      assertEquals(Dataset.MNIST.md5(file), Dataset.MNIST.downloadSpec().md5s().get(file));
    }
  }
}
