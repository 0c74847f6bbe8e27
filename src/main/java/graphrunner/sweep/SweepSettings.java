package graphrunner.sweep;

import com.google.gson.Gson;
import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code sweep-settings.json}, which {@code reproduce} writes beside a finished sweep's table: the
 * settings that identify it, so a later {@code reproduce} can reuse it.
 */
public record SweepSettings(long seed, long steps, String datasetSha256, String version) {
  public static final String NAME = "sweep-settings.json";

  public void writeTo(Path sweepDir) {
    try {
      Files.writeString(sweepDir.resolve(NAME), new Gson().toJson(this));
    } catch (IOException e) {
      throw new UnwritableOutput("cannot write " + sweepDir.resolve(NAME) + ": "
          + IoErrors.reason(e), e);
    }
  }

  public static Optional<SweepSettings> readFrom(Path sweepDir) {
    try {
      return Optional.ofNullable(new Gson().fromJson(
          Files.readString(sweepDir.resolve(NAME)), SweepSettings.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent or damaged: the sweep is simply not reused
    }
  }
}
