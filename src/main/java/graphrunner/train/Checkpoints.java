package graphrunner.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import graphrunner.DamagedRun;
import graphrunner.ParseErrors;
import graphrunner.Phases;
import graphrunner.UnreadableFiles;
import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import graphrunner.fs.NativeWriteError;
import graphrunner.fs.StagingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * A run's checkpoints, {@code <run>/checkpoints/step-<N>/}, the newest {@link #KEEP} kept. Each is
 * written in a staging folder beside them and renamed into place when whole, so a checkpoint that
 * exists is complete, whenever the process was killed.
 */
public final class Checkpoints {
  public static final String FOLDER = "checkpoints";
  static final int KEEP = 3;
  private static final String STEP_PREFIX = "step-";
  private static final Gson JSON = new GsonBuilder().serializeSpecialFloatingPointValues()
      .setPrettyPrinting().create();
  private final Path dir;

  public Checkpoints(Path runDir) {
    this.dir = runDir.resolve(FOLDER);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Saves every variable of {@code session} and the loop's state after {@code state.step()}
   * updates; {@code stopRequested} only serves {@link Phases} in tests.
   */
  public Checkpoint save(Session session, LoopState state, BooleanSupplier stopRequested) {
    Path target = dir.resolve(STEP_PREFIX + state.step());
    try {
      StagingDirectory.removeAbandoned(dir);
      if (Files.isDirectory(target)) {
        return new Checkpoint(target, state.step()); // this step is saved already
      }
      try (StagingDirectory staging = StagingDirectory.in(dir)) {
        session.save(staging.path().resolve(Checkpoint.VARIABLES).toString());
        Files.writeString(staging.path().resolve(Checkpoint.STATE), JSON.toJson(state),
            StandardCharsets.UTF_8);
        Phases.reached("checkpoint-" + state.step(), stopRequested);
        staging.publish(target);
      }
      prune();
      return new Checkpoint(target, state.step());
    } catch (IOException e) {
      throw new UnwritableOutput("cannot write a checkpoint under " + dir + ": "
          + IoErrors.reason(e), e);
    } catch (TensorFlowException e) {
      // TensorFlow's save op writing the variables: a full disk or a vanished folder
      throw new UnwritableOutput("cannot write a checkpoint under " + dir + ": "
          + NativeWriteError.reason(e.getMessage()), e);
    }
  }

  /** The complete checkpoints, oldest first. */
  public List<Checkpoint> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(p -> p.getFileName().toString().matches(STEP_PREFIX + "\\d{1,18}"))
          .map(p -> new Checkpoint(p, Long.parseLong(
              p.getFileName().toString().substring(STEP_PREFIX.length()))))
          .filter(Checkpoint::complete)
          .sorted(Comparator.comparingLong(Checkpoint::step)).toList();
    } catch (IOException e) {
      throw new UnreadableFiles("cannot read the checkpoints in " + dir + ": "
          + IoErrors.reason(e), e);
    }
  }

  public Optional<Checkpoint> newest() {
    List<Checkpoint> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The loop state saved with {@code checkpoint}. */
  public static LoopState state(Checkpoint checkpoint) {
    Path file = checkpoint.dir().resolve(Checkpoint.STATE);
    try {
      LoopState state = JSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
          LoopState.class);
      if (state == null || state.step() != checkpoint.step()) {
        throw new JsonParseException("its step does not match the folder's");
      }
      return state;
    } catch (IOException | JsonParseException e) {
      throw new DamagedRun("damaged checkpoint " + file + ": " + ParseErrors.reason(e), e);
    }
  }

  private void prune() throws IOException {
    List<Checkpoint> all = list();
    for (int i = 0; i < all.size() - KEEP; i++) {
      StagingDirectory.deleteRecursively(all.get(i).dir());
    }
  }
}
