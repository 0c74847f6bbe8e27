package graphrunner.cli;

import graphrunner.savedmodel.SavedModelInspector;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code inspect DIR}: what {@code saved_model_cli show --all} would print. */
final class InspectCommand implements Command {

  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String arguments() {
    return "DIR";
  }

  @Override
  public String summary() {
    return "show a SavedModel's tags, signatures (inputs/outputs: dtype, shape, name) and "
        + "variables; DIR may be models/<id> (its highest version)";
  }

  @Override
  public Options options() {
    return new Options();
  }

  /** What {@code inspect} was asked: one SavedModel directory, nothing else. */
  record Request(Path model) {

    static Request from(CommandLine line) {
      return new Request(Path.of(Flags.single(line, "SavedModel directory")));
    }
  }

  @Override
  public void run(CommandLine line, Console out) {
    out.out().print(SavedModelInspector.describe(Request.from(line).model()));
  }
}
