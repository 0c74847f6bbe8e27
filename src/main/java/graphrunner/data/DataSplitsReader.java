package graphrunner.data;

import graphrunner.CorruptData;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads a data set's located files into {@link DataSplits}, checking what the IDX format alone
 * cannot: that images and labels pair up, that images have the data set's size, and that every
 * label names one of its classes.
 */
public final class DataSplitsReader {
  private DataSplitsReader() {}

  public static DataSplits read(Dataset dataset, DatasetFiles files) {
    // the checksum every run records is taken on the bytes as they are read (in SplitFile's
    // order), so that the files are decompressed once, not a second time for it
    MessageDigest digest = DatasetChecksum.newDigest();
    LabeledImages train = readSplit(dataset, files.trainImages(), files.trainLabels(), digest);
    LabeledImages test = readSplit(dataset, files.testImages(), files.testLabels(), digest);
    String sha256 = HexFormat.of().formatHex(digest.digest());
    refuseOther(dataset, Dataset.withContent(sha256), files.trainImages().getParent());
    return new DataSplits(dataset.id(), train, test, dataset.classNames(), sha256);
  }

  /**
   * The test set alone, for what needs no training set: checked as {@link #read} checks it, and
   * refused when its content is the other data set's test set.
   */
  public static LabeledImages readTest(Dataset dataset, TestSetFiles files) {
    MessageDigest digest = DatasetChecksum.newDigest();
    LabeledImages test = readSplit(dataset, files.images(), files.labels(), digest);
    String sha256 = HexFormat.of().formatHex(digest.digest());
    refuseOther(dataset, Dataset.withTestContent(sha256), files.images().getParent());
    return test;
  }

  /** Refuses files whose content is another known data set's ({@code holder}). */
  private static void refuseOther(Dataset dataset, Optional<Dataset> holder, Path folder) {
    holder.filter(other -> other != dataset).ifPresent(other -> {
      // the two sets share file names and shapes: nothing else would tell them apart
      throw new CorruptData(folder + " holds " + other.id() + ", not " + dataset.id());
    });
  }

  private static LabeledImages readSplit(Dataset dataset, Path imagesFile, Path labelsFile,
      MessageDigest digest) {
    IdxImages images = IdxReader.readImages(imagesFile, digest);
    if (images.rows() != dataset.rows() || images.cols() != dataset.cols()) {
      throw new CorruptData(imagesFile + ": images are " + images.rows() + "x" + images.cols()
          + ", expected " + dataset.rows() + "x" + dataset.cols() + " for " + dataset.id());
    }
    byte[] labels = IdxReader.readLabels(labelsFile, digest);
    if (labels.length != images.count()) {
      throw new CorruptData(imagesFile + " holds " + images.count() + " images but "
          + labelsFile + " holds " + labels.length + " labels");
    }
    checkLabelRange(dataset, labelsFile, labels);
    return new LabeledImages(images.pixels(), labels, images.rows(), images.cols());
  }

  private static void checkLabelRange(Dataset dataset, Path labelsFile, byte[] labels) {
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i] & 0xFF;
      if (label >= dataset.classCount()) {
        throw new CorruptData(labelsFile + ": label " + label + " at index " + i
            + " is outside 0.." + (dataset.classCount() - 1));
      }
    }
  }
}
