package graphrunner.train.listener;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work done in order on one thread of its own, so that it overlaps the training instead of
 * delaying it. At most {@link #MAX_PENDING} tasks wait; handing over one more waits for room, so
 * that a slow disk slows the run rather than filling the heap. The first task that fails makes
 * every later call throw its exception, on the caller's thread; the tasks after it are skipped.
 */
final class WriterThread implements AutoCloseable {
  static final int MAX_PENDING = 16;
  private final ThreadPoolExecutor thread;
  private final Semaphore room = new Semaphore(MAX_PENDING);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  WriterThread(String name) {
    thread = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, name);
          t.setDaemon(true); // a run that ends by an exception must not be kept alive by its logs
          return t;
        });
    thread.allowCoreThreadTimeOut(true); // nor an idle thread outlive a run that was not closed
  }

  /** Hands {@code work} over; throws the failure of an earlier task, if any. */
  void submit(Runnable work) {
    rethrow();
    room.acquireUninterruptibly();
    thread.execute(() -> {
      try {
        if (failure.get() == null) {
          work.run();
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      } finally {
        room.release();
      }
    });
  }

  /** Waits until everything handed over is done; throws the first failure, if any. */
  void drain() {
    room.acquireUninterruptibly(MAX_PENDING);
    room.release(MAX_PENDING);
    rethrow();
  }

  private void rethrow() {
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error r) {
      throw r;
    }
  }

  /** Lets the pending work finish, then ends the thread. */
  @Override
  public void close() {
    thread.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
