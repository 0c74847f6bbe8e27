package graphrunner.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
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

  /** Takes {@code runDir}'s lock for the rest of this object's life, or says who has it. */
  void take(Path runDir) {
    if (held != null) {
      throw new IllegalStateException("already holding " + held);
    }
    try {
      Path key = runDir.toRealPath();
      if (!HELD_HERE.add(key)) {
        throw heldBy(runDir, Optional.of(ProcessHandle.current().pid()));
      }
      FileChannel opened = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = opened.tryLock();
      if (lock == null) {
        opened.close();
        HELD_HERE.remove(key);
        throw heldBy(runDir, holderPid(runDir));
      }
      channel = opened;
      held = key;
      // for the message of the process that finds it taken
      opened.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UserError(ExitCode.IO, "cannot lock " + runDir.resolve(FILE) + ": "
          + RunDirectory.describe(e));
    }
  }

  private static UserError heldBy(Path runDir, Optional<Long> pid) {
    return new UserError(ExitCode.USAGE, "cannot train " + runDir + ": another graph-runner "
        + pid.map(p -> "(pid " + p + ") ").orElse("") + "is training it");
  }

  /** The pid the holder wrote, if it has written it yet. */
  private static Optional<Long> holderPid(Path runDir) {
    try {
      return Optional.of(Long.parseLong(Files.readString(runDir.resolve(FILE)).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
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
