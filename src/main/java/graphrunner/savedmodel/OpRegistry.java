package graphrunner.savedmodel;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.OpList;

/**
 * The OpDefs of the TensorFlow runtime in this process, by op name: what every attribute's
 * default is, and what a graph's {@code stripped_op_list} records.
 */
final class OpRegistry {
  private static volatile Map<String, OpDef> registered;

  private OpRegistry() {}

  /** Every op the native library registers; read once, it does not change while we run. */
  public static Map<String, OpDef> registered() {
    if (registered == null) {
      registered = TensorFlow.registeredOpList().getOpList().stream()
          .collect(Collectors.toUnmodifiableMap(OpDef::getName, Function.identity(), (a, b) -> a));
    }
    return registered;
  }

  /**
   * The OpDefs of the ops {@code graph} uses, sorted by name, without their documentation: what
   * TF Python writes as {@code meta_info_def.stripped_op_list}, so that a consumer can tell which
   * ops (and op versions) the graph needs before it loads it.
   */
  public static OpList strippedOpList(GraphDef graph) {
    var used = new TreeSet<String>();
    graph.getNodeList().stream().map(NodeDef::getOp).forEach(used::add);
    graph.getLibrary().getFunctionList().forEach(
        f -> f.getNodeDefList().stream().map(NodeDef::getOp).forEach(used::add));
    var list = OpList.newBuilder();
    for (String op : used) {
      OpDef def = registered().get(op);
      if (def != null) { // function calls name functions, not registered ops
        list.addOp(withoutDocs(def));
      }
    }
    return list.build();
  }

  private static OpDef withoutDocs(OpDef def) {
    var stripped = def.toBuilder().clearSummary().clearDescription();
    stripped.getInputArgBuilderList().forEach(arg -> arg.clearDescription());
    stripped.getOutputArgBuilderList().forEach(arg -> arg.clearDescription());
    stripped.getAttrBuilderList().forEach(attr -> attr.clearDescription());
    return stripped.build();
  }
}
