package graphrunner.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PhysicalPath}: {@code ..} after a link means what the operating system makes of it. */
class PhysicalPathTest {
  @TempDir
  Path temp;

  @Test
  void parentStepAfterALinkLeadsToTheParentOfItsTarget() throws Exception {
    Path deep = Files.createDirectories(temp.resolve("real/deep"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), deep);
    // where Java (the OS) creates link/../runs, and where TensorFlow would write it if told so
    // textually: temp/real/runs against temp/runs
    Path created = Files.createDirectories(link.resolve("../runs"));
    assertEquals(temp.resolve("real/runs").toRealPath(), created.toRealPath());
    assertEquals(temp.resolve("real/runs").toRealPath(), PhysicalPath.of(link.resolve("../runs")));
    // not there yet: the existing part resolved, the rest appended
    assertEquals(temp.resolve("real").toRealPath().resolve("models/fc5"),
        PhysicalPath.of(link.resolve("../models/fc5")));
  }

  @Test
  void parentStepsInTheMissingTailAreTextual() throws Exception {
    Path base = temp.toRealPath();
    assertEquals(base.resolve("x"), PhysicalPath.of(base.resolve("new/../x")));
  }

  @Test
  void aPathWithoutParentStepsIsLeftAsTyped() {
    Path typed = Path.of("runs/./fc5");
    assertSame(typed, PhysicalPath.of(typed));
  }
}
