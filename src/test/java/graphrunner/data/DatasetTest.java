package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.UnknownDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  @Test
  void fashionMnistNamesItsTenClasses() {
    assertEquals("fashion-mnist", Dataset.FASHION_MNIST.id());
    assertEquals(10, Dataset.FASHION_MNIST.classCount());
    assertEquals("T-shirt/top", Dataset.FASHION_MNIST.classNames().get(0));
    assertEquals("Ankle boot", Dataset.FASHION_MNIST.classNames().get(9));
  }

  @Test
  void mnistClassesAreTheDigits() {
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Dataset.MNIST.classNames());
  }

  @Test
  void everyFileHasAPublishedMd5() {
    for (Dataset dataset : Dataset.values()) {
      for (SplitFile file : SplitFile.values()) {
        assertTrue(dataset.md5(file).matches("[0-9a-f]{32}"), dataset + " " + file);
      }
    }
    assertEquals("8d4fb7e6c68d591d4c3dfef9ec88bf0d", Dataset.FASHION_MNIST.md5(SplitFile.TRAIN_IMAGES));
    assertEquals("ec29112dd5afa0611ce80d1b7f02629c", Dataset.MNIST.md5(SplitFile.TEST_LABELS));
  }

  @Test
  void mirrorsAreTriedInPublishedOrder() {
    assertEquals("fashion-mnist.s3-website.eu-central-1.amazonaws.com",
        Dataset.FASHION_MNIST.mirrors().get(0).getHost());
    assertEquals("ossci-datasets.s3.amazonaws.com", Dataset.MNIST.mirrors().get(0).getHost());
    assertEquals(2, Dataset.MNIST.downloadSpec().mirrors().size());
  }

  @Test
  void canonicalFileNamesAndCounts() {
    assertEquals("train-images-idx3-ubyte.gz", SplitFile.TRAIN_IMAGES.gzName());
    assertEquals("t10k-labels-idx1-ubyte", SplitFile.TEST_LABELS.rawName());
    assertEquals(60_000, Dataset.MNIST.publishedCount(SplitFile.TRAIN_LABELS));
    assertEquals(10_000, Dataset.MNIST.publishedCount(SplitFile.TEST_IMAGES));
  }

  @Test
  void findsDatasetById() {
    assertEquals(Dataset.MNIST, Dataset.byId("mnist"));
    UnknownDataset error = assertThrows(UnknownDataset.class, () -> Dataset.byId("cifar10"));
    assertTrue(error.getMessage().contains("fashion-mnist, mnist"), error.getMessage());
  }
}
