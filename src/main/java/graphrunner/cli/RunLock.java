package graphrunner.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one process that trains a run directory: an OS lock on its {@code .lock} file, taken by
 * {@code train} for its new run and by {@code train --resume} before it reads the run's status,
 * and held until the command ends. Two resumes started at the same moment both saw "interrupted"
 * in summary.json; only one gets the lock, the other refuses before touching anything. The OS
 * releases the lock when the process dies, so a killed run never stays locked. The file itself
 * stays (deleting it would let a third process lock a new file while a second holds the old one).
 */
final class RunLock implements AutoCloseable {
  static final String FILE = ".lock";
  /** Run directories locked by this JVM: asking the OS again from here would release its lock. */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();
  private FileChannel channel;
  private Path held;

  /** Takes {@code runDir}'s lock to train it, for the rest of this object's life. */
  void take(Path runDir) {
    take(runDir, "train");
  }

  /**
   * Takes {@code runDir}'s lock for the rest of this object's life, or says who has it.
   *
   * @param doing what the lock is for, as the refusal says it ("cannot export DIR: ...")
   */
  void take(Path runDir, String doing) {
    if (held != null) {
      throw new IllegalStateException("already holding " + held);
    }
    try {
      Path key = runDir.toRealPath();
      if (!HELD_HERE.add(key)) {
        throw heldBy(runDir, doing, "(pid " + ProcessHandle.current().pid() + ") is using it");
      }
      FileChannel opened = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = opened.tryLock();
      if (lock == null) {
        opened.close();
        HELD_HERE.remove(key);
        throw heldBy(runDir, doing, holder(runDir));
      }
      channel = opened;
      held = key;
      // for the message of the process that finds it taken
      opened.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + doing
          + "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UserError(ExitCode.IO, "cannot lock " + runDir.resolve(FILE) + ": "
          + RunDirectory.describe(e));
    }
  }

  private static UserError heldBy(Path runDir, String doing, String holder) {
    return new UserError(ExitCode.USAGE, "cannot " + doing + " " + runDir
        + ": another graph-runner " + holder);
  }

  /** "(pid 123) is training it", from what the holder wrote, if it has written it yet. */
  private static String holder(Path runDir) {
    try {
      String[] pidAndDoing = Files.readString(runDir.resolve(FILE)).strip().split(" ");
      long pid = Long.parseLong(pidAndDoing[0]);
      return "(pid " + pid + ") is " + (pidAndDoing.length > 1 ? pidAndDoing[1] + "ing" : "using")
          + " it";
    } catch (IOException | NumberFormatException e) {
      return "is using it";
    }
  }

  /** Releases the lock (closing the channel does); nothing when none was taken. */
  @Override
  public void close() {
    if (held == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process at the latest
    }
    HELD_HERE.remove(held);
    held = null;
  }
}
