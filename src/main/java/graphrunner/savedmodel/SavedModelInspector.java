package graphrunner.savedmodel;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Describes a SavedModel as {@code saved_model_cli show --all} does: each tag-set, its signatures
 * with their inputs and outputs (dtype, shape, tensor name) and method, then the variables.
 * It reads {@code saved_model.pb} only; nothing is loaded into TensorFlow.
 */
public final class SavedModelInspector {
  private SavedModelInspector() {}

  public static String describe(Path dir) {
    Path model = SavedModelDirectory.resolve(dir);
    SavedModel savedModel = SavedModelReader.read(model);
    var text = new StringBuilder("SavedModel: ").append(model).append("\n");
    text.append("saved_model_schema_version: ").append(savedModel.getSavedModelSchemaVersion())
        .append("\n");
    for (MetaGraphDef meta : savedModel.getMetaGraphsList()) {
      metaInfo(text, meta);
      text.append("\nMetaGraphDef with tag-set: '")
          .append(String.join(", ", meta.getMetaInfoDef().getTagsList()))
          .append("' contains the following SignatureDefs:\n");
      new TreeMap<>(meta.getSignatureDefMap()).forEach((key, sig) -> signature(text, key, sig));
      variables(text, meta);
      riskyOps(text, meta);
    }
    return text.toString();
  }

  /** What produced the graph, and what a runtime needs to load it. */
  private static void metaInfo(StringBuilder text, MetaGraphDef meta) {
    var info = meta.getMetaInfoDef();
    text.append("\nmeta_info_def:\n")
        .append("  tags: ").append(String.join(", ", info.getTagsList())).append("\n")
        .append("  meta_graph_version: ").append(info.getMetaGraphVersion()).append("\n")
        .append("  tensorflow_version: ").append(info.getTensorflowVersion()).append("\n")
        .append("  tensorflow_git_version: ").append(info.getTensorflowGitVersion()).append("\n")
        .append("  stripped_default_attrs: ").append(info.getStrippedDefaultAttrs()).append("\n")
        .append("  stripped_op_list: ").append(info.getStrippedOpList().getOpCount())
        .append(" ops: ").append(info.getStrippedOpList().getOpList().stream()
            .map(op -> op.getName()).collect(Collectors.joining(", "))).append("\n");
    if (meta.hasSaverDef()) {
      text.append("saver_def: version ").append(meta.getSaverDef().getVersion())
          .append(", restore op ").append(meta.getSaverDef().getRestoreOpName()).append("\n");
    }
  }

  private static void signature(StringBuilder text, String key, SignatureDef sig) {
    text.append("\nsignature_def['").append(key).append("']:\n");
    text.append("  The given SavedModel SignatureDef contains the following input(s):\n");
    tensors(text, "inputs", sig.getInputsMap());
    text.append("  The given SavedModel SignatureDef contains the following output(s):\n");
    tensors(text, "outputs", sig.getOutputsMap());
    text.append("  Method name is: ").append(sig.getMethodName()).append("\n");
  }

  private static void tensors(StringBuilder text, String kind, Map<String, TensorInfo> infos) {
    new TreeMap<>(infos).forEach((name, info) -> text
        .append("    ").append(kind).append("['").append(name).append("'] tensor_info:\n")
        .append("        dtype: ").append(info.getDtype()).append("\n")
        .append("        shape: ").append(shape(info.getTensorShape())).append("\n")
        .append("        name: ").append(info.getName()).append("\n"));
  }

  private static void variables(StringBuilder text, MetaGraphDef meta) {
    text.append("\nVariables:\n");
    for (NodeDef node : meta.getGraphDef().getNodeList()) {
      if (node.getOp().equals("VariableV2") || node.getOp().equals("VarHandleOp")) {
        AttrValue shape = node.getAttrOrDefault("shape", AttrValue.getDefaultInstance());
        AttrValue dtype = node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance());
        text.append(String.format("  %-28s %-16s %s%n", node.getName(),
            shape(shape.getShape()), dtype.getType()));
      }
    }
  }

  private static void riskyOps(StringBuilder text, MetaGraphDef meta) {
    var findings = ServingPathAudit.findings(meta);
    text.append("\nOps on the serving path that touch files, processes or the network: ")
        .append(findings.isEmpty() ? "none" : findings.size()).append("\n");
    findings.forEach(f -> text.append("  ").append(f).append("\n"));
  }

  /** {@code (-1, 28, 28, 1)}, {@code (-1)} for one dimension, {@code unknown_rank}. */
  static String shape(TensorShapeProto shape) {
    if (shape.getUnknownRank()) {
      return "unknown_rank";
    }
    return shape.getDimList().stream().map(d -> Long.toString(d.getSize()))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
