package graphrunner.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void theFileAppearsWholeAndNothingElseBesideIt() throws IOException {
    Path table = dir.resolve("sweep.csv");
    AtomicFile.writeString(table, "layers,lr\n3,0.003\n");
    assertEquals("layers,lr\n3,0.003\n", Files.readString(table));
    assertEquals(List.of(table), children());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(table)),
        "results are for sharing");
  }

  @Test
  void aSecondWriteReplacesTheFirst() throws IOException {
    Path table = dir.resolve("sweep.md");
    AtomicFile.writeString(table, "a much longer first version of the table\n");
    AtomicFile.writeString(table, "short\n");
    assertEquals("short\n", Files.readString(table));
  }

  @Test
  void aFailedWriteLeavesNeitherTheFileNorItsTemporary() throws IOException {
    // a non-empty folder where the file should go: the rename fails after the write
    Path inTheWay = Files.createDirectories(dir.resolve("sweep.csv/keep"));
    assertThrows(IOException.class, () -> AtomicFile.writeString(dir.resolve("sweep.csv"), "x"));
    assertEquals(List.of(inTheWay.getParent()), children());
  }

  private List<Path> children() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
