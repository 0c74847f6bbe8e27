package graphrunner.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
  @TempDir Path temp;

  @Test
  void namesTheKindThatJavaLeavesInTheExceptionsClass() throws Exception {
    Path missing = temp.resolve("no-such-folder").resolve("run");
    var noFolder = assertThrows(IOException.class, () -> Files.createDirectory(missing));
    assertEquals("no such file or folder (" + missing + ")", IoErrors.reason(noFolder));

    Path folder = Files.createDirectory(temp.resolve("folder"));
    Files.writeString(folder.resolve("file"), "x");
    var notEmpty = assertThrows(IOException.class, () -> Files.delete(folder));
    assertEquals("folder not empty (" + folder + ")", IoErrors.reason(notEmpty));

    var exists = assertThrows(IOException.class, () -> Files.createDirectory(folder));
    assertEquals("already exists (" + folder + ")", IoErrors.reason(exists));

    assertEquals("permission denied (/a/b)", IoErrors.reason(new AccessDeniedException("/a/b")));
    assertEquals("permission denied (/a/b)",
        IoErrors.reason(new UncheckedIOException(new AccessDeniedException("/a/b"))));
  }

  @Test
  void keepsAMessageThatHasItsReasonAlready() {
    assertEquals("/a/b: No space left on device", IoErrors.reason(
        new FileSystemException("/a/b", null, "No space left on device")));
    assertEquals("stream closed", IoErrors.reason(new IOException("stream closed")));
    assertEquals("IOException", IoErrors.reason(new IOException()));
  }
}
