package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetChecksumTest {
  @TempDir Path tmp;

  @Test
  void recompressedAndUncompressedCopiesHaveTheSameChecksum() throws Exception {
    Path gz = TinyIdx.writeDataset(tmp.resolve("gz"), 20, 10, 5);
    Path raw = Files.createDirectories(tmp.resolve("raw"));
    for (SplitFile file : SplitFile.values()) {
      byte[] content = new java.util.zip.GZIPInputStream(
          Files.newInputStream(gz.resolve(file.gzName()))).readAllBytes();
      Files.write(raw.resolve(file.rawName()), content);
    }
    assertEquals(DatasetChecksum.sha256(DatasetFolder.require(gz, "test")),
        DatasetChecksum.sha256(DatasetFolder.require(raw, "test")));
  }

  @Test
  void differentImagesHaveDifferentChecksums() {
    Path a = TinyIdx.writeDataset(tmp.resolve("a"), 20, 10, 5);
    Path b = TinyIdx.writeDataset(tmp.resolve("b"), 20, 10, 6);
    assertNotEquals(DatasetChecksum.sha256(DatasetFolder.require(a, "test")),
        DatasetChecksum.sha256(DatasetFolder.require(b, "test")));
  }

  @Test
  void loadedSplitsCarryTheChecksumOfTheirFiles() {
    Path dir = TinyIdx.writeDataset(tmp.resolve("d"), 20, 10, 5);
    DataSplits splits = new DataLocator(name -> null, tmp.resolve("cache"))
        .load(Dataset.FASHION_MNIST, Optional.of(dir));
    assertEquals(64, splits.sha256().length());
    assertEquals(DatasetChecksum.sha256(DatasetFolder.require(dir, "test")), splits.sha256());
  }
}
