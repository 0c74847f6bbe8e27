package graphrunner.cli;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.CatalogueEntry;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code list}: the catalogue, one experiment a line. */
final class ListCommand implements Command {

  @Override
  public String name() {
    return "list";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "list the experiments with their deck and the slide's test accuracy";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public void run(CommandLine line, Console out) {
    out.println(String.format("%-24s %-8s %-16s %s", "ID", "DECK", "SLIDE ACCURACY",
        "DESCRIPTION"));
    for (CatalogueEntry e : Catalogue.entries()) {
      out.println(String.format("%-24s %-8s %-16s %s", e.id(), e.deck(), e.slideAccuracy(),
          e.title()));
    }
  }
}
