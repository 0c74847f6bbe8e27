package graphrunner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.experiments.Catalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Sessions get thread pools of their own, sized by their own settings (Linux: /proc). */
class ThreadPoolsTest {

  @Test
  void readsTheVariableAsTensorFlowDoes() {
    assertTrue(ThreadPools.perSession("1"));
    assertTrue(ThreadPools.perSession("TRUE"));
    assertFalse(ThreadPools.perSession("0"));
    assertFalse(ThreadPools.perSession("yes"));
    assertFalse(ThreadPools.perSession(null));
  }

  /**
   * TensorFlow's pool threads are native threads named "java". A session of 3 + 3 threads has
   * 4 more of them than one of 1 + 1 only if both of its pools are its own: with the process's
   * pools, the session opened first would size both for the second.
   */
  @Test
  void aSessionsPoolsFollowItsOwnThreads() {
    assertTrue(ThreadPools.perSession(), ThreadPools.VARIABLE
        + " must be set for the tests, as the launcher sets it (pom.xml, surefire)");
    long small = nativeThreadsDuringARun(1);
    long large = nativeThreadsDuringARun(3);
    assertEquals(4, large - small, "pool threads of a 3+3 session beyond a 1+1 one");
    assertEquals(small, nativeThreadsDuringARun(1), "a closed session's pools are gone");
  }

  private static long nativeThreadsDuringARun(int threads) {
    var tuning = Tuning.everyCore().withIntraOpThreads(threads).withInterOpThreads(threads);
    var config = RunConfig.of(Catalogue.experiment("softmax").defaults(), 1).withTuning(tuning);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var x = tf.placeholder(TFloat32.class);
      var square = tf.linalg.matMul(x, x);
      try (Session session = SessionFactory.forRun(config, () -> {}).open(graph);
          TFloat32 input = TFloat32.tensorOf(Shape.of(64, 64));
          Result result = session.runner().feed(x, input).fetch(square).run()) {
        return threadsNamed("java");
      }
    }
  }

  private static long threadsNamed(String name) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.filter(task -> name.equals(comm(task))).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (IOException e) {
      return ""; // the thread ended while we looked
    }
  }
}
