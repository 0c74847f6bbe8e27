package graphrunner.train.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphrunner.UnwritableOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriterThreadTest {

  @Test
  void runsTheWorkInOrderOffTheCallersThread() {
    List<Integer> done = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    try (var writes = new WriterThread("test-writer")) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        writes.submit(() -> {
          done.add(n);
          threads.add(Thread.currentThread());
        });
      }
      writes.drain();
    }
    assertEquals(200, done.size());
    for (int i = 0; i < 200; i++) {
      assertEquals(i, done.get(i));
    }
    assertNotEquals(Thread.currentThread(), threads.get(0));
  }

  @Test
  void aFailureIsThrownToTheCallerAndLaterWorkIsSkipped() {
    var failure = new UnwritableOutput("disk full");
    var bothHandedOver = new CountDownLatch(1);
    AtomicInteger after = new AtomicInteger();
    try (var writes = new WriterThread("test-writer")) {
      writes.submit(() -> {
        try {
          bothHandedOver.await(); // fails only once the next task waits behind it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw failure;
      });
      writes.submit(after::incrementAndGet);
      bothHandedOver.countDown();
      assertSame(failure, assertThrows(UnwritableOutput.class, writes::drain));
      assertSame(failure, assertThrows(UnwritableOutput.class,
          () -> writes.submit(after::incrementAndGet)));
    }
    assertEquals(0, after.get());
  }

  @Test
  void atMostMaxPendingTasksWait() throws Exception {
    var release = new CountDownLatch(1);
    AtomicInteger submitted = new AtomicInteger();
    try (var writes = new WriterThread("test-writer")) {
      Thread producer = new Thread(() -> {
        for (int i = 0; i < 3 * WriterThread.MAX_PENDING; i++) {
          writes.submit(() -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
          submitted.incrementAndGet();
        }
      });
      producer.start();
      long until = System.currentTimeMillis() + 10_000;
      while (submitted.get() < WriterThread.MAX_PENDING && System.currentTimeMillis() < until) {
        Thread.sleep(10);
      }
      Thread.sleep(200); // time enough for one more hand-over, were there room for it
      assertEquals(WriterThread.MAX_PENDING, submitted.get());
      release.countDown();
      producer.join(10_000);
      writes.drain();
    }
    assertEquals(3 * WriterThread.MAX_PENDING, submitted.get());
  }
}
