package graphrunner.savedmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;

/**
 * Completes the {@code saved_model.pb} that TensorFlow Java writes into what TF Python's
 * {@code SavedModelBuilder} writes: default-valued attributes stripped (so that older runtimes,
 * which do not know attributes added since, load it), {@code stripped_default_attrs: true},
 * {@code saved_model_schema_version: 1}, the TensorFlow version, the OpDefs of the ops used, and
 * a V2 saver. The exporter runs it inside its temporary directory, before the rename that makes
 * the version visible.
 */
final class SavedModelCompleter {
  /**
   * TF Python records {@code tf.__git_version__} here; the C API of the runtime we load exposes
   * only the release version, so we say where the model came from instead of leaving it empty.
   */
  static final String GIT_VERSION_UNKNOWN = "unknown (TensorFlow Java)";

  private SavedModelCompleter() {}

  /** Rewrites {@code dir/saved_model.pb} in place (through a sibling file and a rename). */
  public static void complete(Path dir, String metaGraphVersion) throws IOException {
    Path pb = dir.resolve("saved_model.pb");
    SavedModel completed = complete(SavedModel.parseFrom(Files.readAllBytes(pb)),
        metaGraphVersion);
    Path partial = dir.resolve("saved_model.pb.partial");
    Files.write(partial, completed.toByteArray());
    Files.move(partial, pb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static SavedModel complete(SavedModel model, String metaGraphVersion) {
    var completed = model.toBuilder().setSavedModelSchemaVersion(1).clearMetaGraphs();
    for (MetaGraphDef meta : model.getMetaGraphsList()) {
      completed.addMetaGraphs(complete(meta, metaGraphVersion));
    }
    return completed.build();
  }

  private static MetaGraphDef complete(MetaGraphDef meta, String metaGraphVersion) {
    var graph = DefaultAttributes.strip(meta.getGraphDef(), OpRegistry.registered());
    var info = meta.getMetaInfoDef().toBuilder()
        .setMetaGraphVersion(metaGraphVersion)
        .setStrippedOpList(OpRegistry.strippedOpList(graph))
        .setTensorflowVersion(TensorFlow.version())
        .setTensorflowGitVersion(GIT_VERSION_UNKNOWN)
        .setStrippedDefaultAttrs(true);
    if (info.getTagsCount() == 0) {
      info.addTags("serve");
    }
    var completed = meta.toBuilder().setGraphDef(graph).setMetaInfoDef(info);
    if (meta.hasSaverDef()) {
      completed.setSaverDef(meta.getSaverDef().toBuilder()
          .setVersion(SaverDef.CheckpointFormatVersion.V2));
    }
    return completed.build();
  }
}
