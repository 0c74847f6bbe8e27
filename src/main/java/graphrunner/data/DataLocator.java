package graphrunner.data;

import graphrunner.DatasetUnavailable;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides where a data set's files come from and loads them. In order: the folder given with
 * {@code --data-dir}; else {@code $GRAPH_RUNNER_DATA/<id>/}; else a system-wide copy in
 * {@code /usr/share/datasets/<id>/} (where Debian's {@code dataset-fashion-mnist} package puts
 * Fashion-MNIST); else the per-user cache, downloading into it from the public mirrors when files
 * are missing there. Only downloads are MD5-checked:
 * files the user provides may be recompressed, and the IDX reader validates their content anyway.
 */
public final class DataLocator {
  /** Environment variable naming a folder that holds {@code fashion-mnist/} and {@code mnist/}. */
  public static final String DATA_ENV = "GRAPH_RUNNER_DATA";
  /** Where distribution packages install data sets, one folder per id. */
  public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");

  private final Function<String, String> env;
  private final Path cacheRoot;
  private final Function<Dataset, DownloadSpec> downloadSpecs;
  private final DatasetDownloader downloader;
  private final Optional<Path> systemRoot;

  /**
   * @param env looks up environment variables (injectable so tests do not see the real ones)
   * @param cacheRoot holds one folder per data set id
   * @param downloadSpecs where each data set is downloaded from and what its files hash to
   */
  public DataLocator(Function<String, String> env, Path cacheRoot,
      Function<Dataset, DownloadSpec> downloadSpecs, DatasetDownloader downloader) {
    this(env, cacheRoot, downloadSpecs, downloader, Optional.empty());
  }

  /** @param systemRoot a read-only folder of data sets consulted before the cache, if any */
  public DataLocator(Function<String, String> env, Path cacheRoot,
      Function<Dataset, DownloadSpec> downloadSpecs, DatasetDownloader downloader,
      Optional<Path> systemRoot) {
    this.env = env;
    this.cacheRoot = cacheRoot;
    this.downloadSpecs = downloadSpecs;
    this.downloader = downloader;
    this.systemRoot = systemRoot;
  }

  /** Uses the published mirrors and checksums. */
  public DataLocator(Function<String, String> env, Path cacheRoot) {
    this(env, cacheRoot, Dataset::downloadSpec, DatasetDownloader.withDefaultTimeouts());
  }

  /** The real environment, {@link #SYSTEM_DATASETS} and the default cache root. */
  public static DataLocator fromEnvironment() {
    Path home = Path.of(System.getProperty("user.home"));
    return new DataLocator(System::getenv, defaultCacheRoot(System::getenv, home),
        Dataset::downloadSpec, DatasetDownloader.withDefaultTimeouts(),
        Optional.of(SYSTEM_DATASETS));
  }

  /** {@code $XDG_CACHE_HOME/graph-runner} if that is set to an absolute path, else {@code ~/.cache/graph-runner}. */
  public static Path defaultCacheRoot(Function<String, String> env, Path userHome) {
    String xdg = env.apply("XDG_CACHE_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("graph-runner");
    }
    return userHome.resolve(".cache").resolve("graph-runner");
  }

  /** Locates and reads both splits; every problem is a one-line {@link graphrunner.GraphRunnerException}. */
  public DataSplits load(Dataset dataset, Optional<Path> dataDir) {
    return DataSplitsReader.read(dataset, locate(dataset, dataDir));
  }

  /** The four files to read, downloading them into the cache if nothing else provides them. */
  public DatasetFiles locate(Dataset dataset, Optional<Path> dataDir) {
    return DatasetFolder.filesIn(folderHolding(dataset, dataDir, SplitFile.ALL));
  }

  /**
   * The test set alone (what {@code predict} scores a model on), found as {@link #locate} finds
   * the four files; a folder or cache holding only the test pair serves, and a download fetches
   * only that pair.
   */
  public LabeledImages loadTest(Dataset dataset, Optional<Path> dataDir) {
    return DataSplitsReader.readTest(dataset,
        DatasetFolder.testFilesIn(folderHolding(dataset, dataDir, SplitFile.TEST)));
  }

  /**
   * The folder that holds {@code files}: the one named by {@code --data-dir} or under {@code
   * GRAPH_RUNNER_DATA} (an error if they are not there), else the system copy, else the cache,
   * downloading into it what it lacks.
   */
  private Path folderHolding(Dataset dataset, Optional<Path> dataDir, List<SplitFile> files) {
    if (dataDir.isPresent()) {
      return DatasetFolder.requireHolding(dataDir.get(), "--data-dir", files);
    }
    String root = env.apply(DATA_ENV);
    if (root != null && !root.isBlank()) {
      return DatasetFolder.requireHolding(Path.of(root).resolve(dataset.id()),
          DATA_ENV + "=" + root, files);
    }
    // a system copy counts only when it holds them all; a partial one falls through to the cache
    Optional<Path> system = systemRoot.map(r -> r.resolve(dataset.id()))
        .filter(dir -> DatasetFolder.holds(dir, files));
    if (system.isPresent()) {
      return system.get();
    }
    Path cache = cacheDir(dataset);
    if (!DatasetFolder.holds(cache, files)) {
      try {
        downloader.downloadMissing(downloadSpecs.apply(dataset), cache, files);
      } catch (IOException e) {
        throw new DatasetUnavailable(cannotDownload(dataset, files, IoErrors.reason(e)), e);
      }
    }
    return DatasetFolder.requireHolding(cache, "download cache", files);
  }

  /** The folder the cache uses for this data set. */
  public Path cacheDir(Dataset dataset) {
    return cacheRoot.resolve(dataset.id());
  }

  /** The way out when the download fails: the files it was after, put in place by hand. */
  private static String cannotDownload(Dataset dataset, List<SplitFile> files,
      String lastFailure) {
    String names = files.stream().map(SplitFile::gzName).collect(Collectors.joining(", "));
    return "cannot download " + dataset.id() + " (offline?): put " + names
        + " in DIR and pass --data-dir DIR, or set " + DATA_ENV + " to a folder holding " + dataset.id()
        + "/ (last error: " + lastFailure + ")";
  }
}
