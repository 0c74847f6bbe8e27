package graphrunner.data;

import graphrunner.UnknownDataset;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data sets graph-runner knows: their ids, class names, expected shapes, the MD5 of each
 * published {@code .gz} file and the public mirrors they are downloaded from, in order.
 */
public enum Dataset {
  FASHION_MNIST(
      "fashion-mnist",
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
          "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
      List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
          "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
      "14410854cf7a289477dcfc7df3f8ec24741e281cdcc425ede0d9a748ca630214",
      "30214f3fe91405cb8ea60b11ecf0914a65dd6a6ca8e13c13a62eb434f2d9fe56",
      // Zalando's published checksums, in SplitFile order.
      "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
      "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
  MNIST(
      "mnist",
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
      List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/"),
      "b2d8f5bf39174ee5ffeefa97e42d673c35432b411bb5d1f74fbbeddae7f1690a",
      "18489308deedfe2f7bd3a11e599a597126f161d991b1ffcffb71642aa76f7f62",
      "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
      "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c");

  private static final int TRAIN_COUNT = 60_000;
  private static final int TEST_COUNT = 10_000;
  private static final int SIDE = 28;

  private final String id;
  private final List<String> classNames;
  private final List<URI> mirrors;
  private final String contentSha256;
  private final String testContentSha256;
  private final Map<SplitFile, String> md5s = new EnumMap<>(SplitFile.class);

  Dataset(String id, List<String> classNames, List<String> mirrors, String contentSha256,
      String testContentSha256, String... md5InSplitFileOrder) {
    this.id = id;
    this.classNames = classNames;
    this.mirrors = mirrors.stream().map(URI::create).toList();
    this.contentSha256 = contentSha256;
    this.testContentSha256 = testContentSha256;
    for (SplitFile file : SplitFile.values()) {
      md5s.put(file, md5InSplitFileOrder[file.ordinal()]);
    }
  }

  /** The id used on the command line and as folder name, e.g. {@code fashion-mnist}. */
  public String id() {
    return id;
  }

  public List<String> classNames() {
    return classNames;
  }

  public int classCount() {
    return classNames.size();
  }

  /** Public mirrors (base URLs ending in {@code /}), tried in order. */
  public List<URI> mirrors() {
    return mirrors;
  }

  /** The published MD5 of the canonical {@code .gz} file. */
  public String md5(SplitFile file) {
    return md5s.get(file);
  }

  /**
   * The {@link DatasetChecksum} of the published files' content (MNIST's from the mirrors'
   * files, Fashion-MNIST's from Debian's {@code dataset-fashion-mnist}, which is Zalando's).
   */
  public String contentSha256() {
    return contentSha256;
  }

  /** The known data set whose published test set has this checksum, if any. */
  public static Optional<Dataset> withTestContent(String sha256) {
    return Arrays.stream(values()).filter(d -> d.testContentSha256.equals(sha256)).findFirst();
  }

  /** The known data set whose published content has this checksum, if any. */
  public static Optional<Dataset> withContent(String sha256) {
    return Arrays.stream(values()).filter(d -> d.contentSha256.equals(sha256)).findFirst();
  }

  /** The known data set with these class names, in this order, if any. */
  public static Optional<Dataset> withClasses(List<String> names) {
    return Arrays.stream(values()).filter(d -> d.classNames.equals(names)).findFirst();
  }

  /** Images in the published split: 60,000 for training, 10,000 for test. */
  public int publishedCount(SplitFile file) {
    return file.isTrain() ? TRAIN_COUNT : TEST_COUNT;
  }

  public int rows() {
    return SIDE;
  }

  public int cols() {
    return SIDE;
  }

  /** The mirrors and published checksums, for {@link DatasetDownloader}. */
  public DownloadSpec downloadSpec() {
    return new DownloadSpec(id, mirrors, md5s);
  }

  /** The data set with this id; an {@link UnknownDataset} listing the known ids if none. */
  public static Dataset byId(String id) {
    for (Dataset dataset : values()) {
      if (dataset.id.equals(id)) {
        return dataset;
      }
    }
    throw new UnknownDataset("unknown data set '" + id + "' (known: " + ids() + ")");
  }

  /** The known ids, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Dataset::id).collect(Collectors.joining(", "));
  }
}
