package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClassArchiveWarmUpTest {

  @Test
  void trainsOnItsGeneratedDataAndLeavesNothingBehind() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = warmUpFolders(tmp);
    assertEquals(ExitCode.OK, ClassArchiveWarmUp.run());
    assertEquals(before, warmUpFolders(tmp));
  }

  private static List<Path> warmUpFolders(Path tmp) throws Exception {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("graph-runner-warm-up"))
          .sorted().toList();
    }
  }
}
