package graphrunner.savedmodel;

import graphrunner.experiments.Catalogue;
import graphrunner.graph.Seeds;
import java.nio.file.Path;
import java.util.Collections;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A process that exports one model under {@code args[0]}/loop, for tests that stop or kill it
 * inside the export ({@code -Dgraphrunner.pauseAt=export}).
 */
public final class ExportOnce {
  private ExportOnce() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    var experiment = Catalogue.experiment("fc5-relu");
    try (Graph graph = new Graph()) {
      var model = experiment.build(Ops.create(graph), new Seeds(1), experiment.defaults());
      try (Session session = new Session(graph)) {
        session.initialize();
        SavedModelExporter.export(session, model, root, "loop", Collections.nCopies(10, "class"),
            () -> false);
        System.out.println("exported");
      }
    }
  }
}
