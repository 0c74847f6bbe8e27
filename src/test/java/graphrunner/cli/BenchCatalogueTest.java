package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench --catalogue} counts the slide's settings, so it refuses what would change them. */
class BenchCatalogueTest {

  @Test
  void printsEveryItemOfReproduceAndTheirFloor() {
    var run = CliRun.of("bench", "--catalogue", "--threads", "1");
    assertEquals(ExitCode.OK, run.exit(), run.err());
    for (String id : new String[] {"softmax", "cnn-batchnorm", "mnist-cnn", "sweep (9 cells)"}) {
      assertTrue(run.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + "\n" + run.out());
    }
    assertTrue(run.out().contains("1 threads"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("all ")), run.out());
  }

  @Test
  void refusesAnExperimentIdAndRunSettings() {
    var run = CliRun.of("bench", "--catalogue", "cnn");
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("takes no experiment id"), run.err());
    assertTrue(run.oneLineError(), run.err());
    run = CliRun.of("bench", "--catalogue", "--steps", "10");
    assertEquals(ExitCode.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--steps does not apply"), run.err());
  }
}
