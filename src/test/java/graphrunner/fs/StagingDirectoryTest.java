package graphrunner.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staged write that is not published leaves nothing, not even the folders it created. */
class StagingDirectoryTest {
  @TempDir Path tmp;

  @Test
  void anAbandonedWriteTakesBackTheFoldersItCreated() throws Exception {
    try (StagingDirectory staging = StagingDirectory.in(tmp.resolve("models/cnn"))) {
      Files.writeString(staging.path().resolve("half"), "x");
    }
    assertFalse(Files.exists(tmp.resolve("models")));
    assertTrue(Files.isDirectory(tmp), "what existed before stays");
  }

  @Test
  void foldersThatOthersWroteIntoStay() throws Exception {
    try (StagingDirectory staging = StagingDirectory.in(tmp.resolve("models/cnn"))) {
      Files.createDirectories(tmp.resolve("models/other"));
    }
    assertFalse(Files.exists(tmp.resolve("models/cnn")));
    assertTrue(Files.isDirectory(tmp.resolve("models/other")));
  }

  @Test
  void aPublishedWriteKeepsItsFolders() throws Exception {
    Path target = tmp.resolve("models/cnn/1");
    try (StagingDirectory staging = StagingDirectory.in(tmp.resolve("models/cnn"))) {
      Files.writeString(staging.path().resolve("whole"), "x");
      staging.publish(target);
    }
    assertEquals("x", Files.readString(target.resolve("whole")));
  }

  @Test
  void aFreeNameIsTheFirstCandidateNobodyHas() throws Exception {
    Path parent = Files.createDirectories(tmp.resolve("reports"));
    Files.writeString(Files.createDirectories(parent.resolve("a-1")).resolve("theirs"), "x");
    Files.createDirectories(parent.resolve("a-2"));
    try (StagingDirectory staging = StagingDirectory.in(parent)) {
      Files.writeString(staging.path().resolve("ours"), "y");
      Path published = staging.publishUnderFreeName(n -> parent.resolve("a-" + n), "a test");
      assertEquals(parent.resolve("a-3"), published);
    }
    assertEquals("x", Files.readString(parent.resolve("a-1/theirs")), "theirs untouched");
    assertEquals("y", Files.readString(parent.resolve("a-3/ours")));
  }

  @Test
  void aRenameThatFailsForAnotherReasonIsNotRetried() throws Exception {
    Path parent = Files.createDirectories(tmp.resolve("reports"));
    try (StagingDirectory staging = StagingDirectory.in(parent)) {
      var tries = new java.util.concurrent.atomic.AtomicInteger();
      assertThrows(java.nio.file.NoSuchFileException.class, () -> staging.publishUnderFreeName(
          n -> {
            tries.incrementAndGet();
            return tmp.resolve("missing/a-" + n);
          }, "a test"));
      assertEquals(1, tries.get());
    }
  }
}
