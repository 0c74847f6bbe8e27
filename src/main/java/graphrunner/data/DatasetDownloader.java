package graphrunner.data;

import graphrunner.DownloadInterrupted;
import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Downloads a data set's {@code .gz} files into a folder, trying each mirror in turn. A file only
 * appears under its final name once its MD5 matched: it is written to a temporary file in the same
 * folder, verified, then atomically renamed, so an interrupted or corrupt download leaves nothing
 * that a later run could mistake for good data.
 */
public final class DatasetDownloader {
  private final Duration connectTimeout;
  private final Duration fileTimeout;
  /** Made at the first download: building one starts threads and TLS (≈0.2 s of a start-up). */
  private HttpClient client;

  /**
   * @param connectTimeout how long to wait for a mirror to accept the connection
   * @param fileTimeout how long one whole file may take, so a stalled transfer cannot hang a run
   */
  public DatasetDownloader(Duration connectTimeout, Duration fileTimeout) {
    this.connectTimeout = connectTimeout;
    this.fileTimeout = fileTimeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
    }
    return client;
  }

  /** 20 s to connect, 10 min per file: enough for 26 MB on a slow link. */
  public static DatasetDownloader withDefaultTimeouts() {
    return new DatasetDownloader(Duration.ofSeconds(20), Duration.ofMinutes(10));
  }

  /**
   * Downloads each of {@code files} (the four, or the test pair) not yet in {@code dir}.
   *
   * @throws IOException when some file could not be fetched intact from any mirror; the message
   *     is one line describing the last failure
   */
  public void downloadMissing(DownloadSpec spec, Path dir, List<SplitFile> files)
      throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UnwritableOutput("cannot create download folder " + dir + " ("
          + describe(e) + ")", e);
    }
    for (SplitFile file : files) {
      Path target = dir.resolve(file.gzName());
      if (!Files.isRegularFile(target)) {
        fetchFromMirrors(spec, file, target);
      }
    }
  }

  private void fetchFromMirrors(DownloadSpec spec, SplitFile file, Path target) throws IOException {
    String lastFailure = "no mirrors configured";
    for (URI mirror : spec.mirrors()) {
      URI uri = mirror.resolve(file.gzName());
      try {
        fetchVerified(uri, spec.md5(file), target);
        return;
      } catch (IOException e) {
        lastFailure = e.getMessage();
      }
    }
    throw new IOException(lastFailure);
  }

  private void fetchVerified(URI uri, String expectedMd5, Path target) throws IOException {
    Path temp = createTempFile(target);
    try {
      fetch(uri, temp);
      String actual = md5Hex(temp);
      if (!actual.equalsIgnoreCase(expectedMd5)) {
        throw new IOException(uri + ": MD5 is " + actual + ", expected " + expectedMd5);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path createTempFile(Path target) {
    try {
      return Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new UnwritableOutput("cannot write to download folder " + target.getParent() + " ("
          + describe(e) + ")", e);
    }
  }

  private void fetch(URI uri, Path temp) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(fileTimeout).GET().build();
    // Only a 200 body goes to disk; error pages are discarded.
    CompletableFuture<HttpResponse<Path>> pending = client().sendAsync(request, info ->
        info.statusCode() == 200 ? BodySubscribers.ofFile(temp) : BodySubscribers.replacing(temp));
    try {
      // The request timeout stops at the headers; this one bounds the whole body.
      HttpResponse<Path> response = pending.get(fileTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.statusCode() != 200) {
        throw new IOException(uri + ": HTTP " + response.statusCode());
      }
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new IOException(uri + ": no complete answer within " + fileTimeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IOException(uri + ": " + describe(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.cancel(true);
      throw new DownloadInterrupted("download of " + uri + " interrupted");
    }
  }

  /** What went wrong, in words rather than the exception's class name. */
  private static String describe(Throwable cause) {
    if (cause instanceof FileSystemException) { // its message may be the bare path
      return IoErrors.reason(cause).replaceAll("\\s+", " ");
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    String what;
    if (cause instanceof ConnectException) {
      what = "cannot connect";
    } else if (cause instanceof UnknownHostException) {
      what = "unknown host";
    } else if (cause instanceof HttpTimeoutException) {
      what = "timed out";
    } else if (cause instanceof SSLException) {
      what = "TLS failed";
    } else {
      what = message.isEmpty() ? "failed" : "";
    }
    String text = what.isEmpty() ? message : message.isEmpty() ? what : what + ": " + message;
    return text.replaceAll("\\s+", " ");
  }

  /** The lower-case hex MD5 of a file's bytes. */
  public static String md5Hex(Path file) throws IOException {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide MD5", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md5.digest());
  }
}
