package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDownloaderTest {
  @TempDir Path source;
  @TempDir Path target;
  private LoopbackFileServer server;
  private final DatasetDownloader downloader = new DatasetDownloader(Duration.ofSeconds(5), Duration.ofSeconds(20));

  @BeforeEach
  void startServer() throws IOException {
    server = new LoopbackFileServer();
    TinyIdx.writeDataset(source, 20, 10, 3);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** Serves the fixture files under {@code good/} and byte-flipped copies under {@code corrupt/}. */
  private DownloadSpec specWith(URI... mirrors) throws IOException {
    Map<SplitFile, String> md5s = new EnumMap<>(SplitFile.class);
    for (SplitFile file : SplitFile.values()) {
      Path path = source.resolve(file.gzName());
      byte[] bytes = Files.readAllBytes(path);
      server.serve("good", file.gzName(), bytes);
      byte[] corrupt = bytes.clone();
      corrupt[corrupt.length / 2] ^= 0x55;
      server.serve("corrupt", file.gzName(), corrupt);
      md5s.put(file, DatasetDownloader.md5Hex(path));
    }
    return new DownloadSpec("tiny", List.of(mirrors), md5s);
  }

  private List<String> namesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void downloadsAllFourFilesAndVerifiesTheirChecksums() throws IOException {
    downloader.downloadMissing(specWith(server.base("good")), target, SplitFile.ALL);
    for (SplitFile file : SplitFile.values()) {
      assertArrayEquals(Files.readAllBytes(source.resolve(file.gzName())),
          Files.readAllBytes(target.resolve(file.gzName())));
    }
    assertEquals(4, namesIn(target).size(), "no temporary files left: " + namesIn(target));
  }

  @Test
  void fallsBackToTheNextMirrorAfterCorruptOrMissingFiles() throws IOException {
    DownloadSpec spec = specWith(LoopbackFileServer.refusingBase(), server.base("absent"),
        server.base("corrupt"), server.base("good"));
    downloader.downloadMissing(spec, target, SplitFile.ALL);
    assertTrue(DatasetFolder.holds(target, SplitFile.ALL));
    assertEquals(4, namesIn(target).size(), namesIn(target).toString());
  }

  @Test
  void rejectsCorruptDownloadAndLeavesNoFileBehind() throws IOException {
    DownloadSpec spec = specWith(server.base("corrupt"));
    IOException error = assertThrows(IOException.class, () -> downloader.downloadMissing(spec, target,
        SplitFile.ALL));
    assertTrue(error.getMessage().contains("MD5 is"), error.getMessage());
    assertEquals(List.of(), namesIn(target));
  }

  @Test
  void keepsFilesAlreadyPresent() throws IOException {
    Path existing = target.resolve(SplitFile.TRAIN_IMAGES.gzName());
    Files.write(existing, new byte[] {1, 2, 3});
    downloader.downloadMissing(specWith(server.base("good")), target, SplitFile.ALL);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing));
  }

  @Test
  void reportsHttpStatusOfTheLastMirror() throws IOException {
    DownloadSpec spec = specWith(server.base("absent"));
    IOException error = assertThrows(IOException.class, () -> downloader.downloadMissing(spec, target,
        SplitFile.ALL));
    assertTrue(error.getMessage().endsWith("HTTP 404"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"));
    assertEquals(List.of(), namesIn(target));
  }
}
