package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.CorruptData;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSplitsReaderTest {
  @TempDir Path dir;

  private DatasetFiles tinyFiles() {
    return DatasetFolder.require(TinyIdx.writeDataset(dir, 50, 20, 1), "test");
  }

  private CorruptData readFails(DatasetFiles files) {
    CorruptData error = assertThrows(CorruptData.class, () -> DataSplitsReader.read(Dataset.FASHION_MNIST, files));
    return error;
  }

  @Test
  void readsBothSplitsWithClassNames() {
    DataSplits splits = DataSplitsReader.read(Dataset.FASHION_MNIST, tinyFiles());
    assertEquals("fashion-mnist", splits.datasetId());
    assertEquals(50, splits.train().count());
    assertEquals(20, splits.test().count());
    assertEquals(28, splits.train().rows());
    assertEquals(28, splits.test().cols());
    assertEquals(Dataset.FASHION_MNIST.classNames(), splits.classNames());
  }

  @Test
  void tinyDatasetIsLearnableBarPerClass() {
    LabeledImages train = DataSplitsReader.read(Dataset.MNIST, tinyFiles()).train();
    for (int i = 0; i < train.count(); i++) {
      int barRow = 2 * train.label(i) + 4;
      assertTrue(train.pixel(i, barRow, 14) >= 180 && train.pixel(i, barRow + 1, 14) >= 180);
      assertTrue(train.pixel(i, barRow == 4 ? 24 : 2, 14) < 64);
    }
  }

  @Test
  void rejectsLabelCountMismatch() {
    DatasetFiles files = tinyFiles();
    TinyIdx.writeLabels(files.trainLabels(), 1, 2, 3);
    CorruptData error = readFails(files);
    assertTrue(error.getMessage().contains("holds 50 images but"), error.getMessage());
    assertTrue(error.getMessage().contains("holds 3 labels"), error.getMessage());
  }

  @Test
  void rejectsImagesThatAreNot28By28() {
    DatasetFiles files = tinyFiles();
    TinyIdx.writeImages(files.testImages(), new byte[27][28], new byte[27][28]);
    CorruptData error = readFails(files);
    assertTrue(error.getMessage().startsWith(files.testImages().toString()), error.getMessage());
    assertTrue(error.getMessage().contains("27x28, expected 28x28"), error.getMessage());
  }

  @Test
  void rejectsLabelOutsideTheClasses() {
    DatasetFiles files = tinyFiles();
    byte[][][] images = new byte[3][][];
    for (int i = 0; i < 3; i++) {
      images[i] = TinyIdx.learnableImage(0, new Random(i));
    }
    TinyIdx.writeImages(files.trainImages(), images);
    TinyIdx.writeLabels(files.trainLabels(), 0, 10, 1);
    CorruptData error = readFails(files);
    assertTrue(error.getMessage().contains("label 10 at index 1 is outside 0..9"), error.getMessage());
  }
}
