package graphrunner.savedmodel;

import java.util.Map;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Removes from each NodeDef the attributes whose value is their op's default, as TF Python's
 * {@code strip_default_attrs=True} does. An attribute added to an op after a runtime was released
 * (MatMul's {@code grad_a}/{@code grad_b} in TF 2.18) is unknown to that runtime and makes it
 * reject the whole graph; left out, the runtime fills in the default, which is the same value.
 */
final class DefaultAttributes {
  private DefaultAttributes() {}

  public static GraphDef strip(GraphDef graph, Map<String, OpDef> ops) {
    var stripped = graph.toBuilder().clearNode();
    for (NodeDef node : graph.getNodeList()) {
      stripped.addNode(strip(node, ops));
    }
    var library = stripped.getLibraryBuilder().clearFunction();
    for (FunctionDef function : graph.getLibrary().getFunctionList()) {
      var f = function.toBuilder().clearNodeDef();
      function.getNodeDefList().forEach(node -> f.addNodeDef(strip(node, ops)));
      library.addFunction(f);
    }
    return stripped.build();
  }

  /** The node without its default-valued attributes; unchanged when its op is not registered. */
  public static NodeDef strip(NodeDef node, Map<String, OpDef> ops) {
    OpDef op = ops.get(node.getOp());
    if (op == null) {
      return node;
    }
    var stripped = node.toBuilder();
    for (OpDef.AttrDef attr : op.getAttrList()) {
      if (attr.hasDefaultValue() && node.getAttrMap().containsKey(attr.getName())
          && node.getAttrMap().get(attr.getName()).equals(attr.getDefaultValue())) {
        stripped.removeAttr(attr.getName());
      }
    }
    return stripped.build();
  }
}
