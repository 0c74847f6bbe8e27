package graphrunner.savedmodel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Finds the {@link RiskyOps} a SavedModel would run when served: every node the signatures'
 * outputs depend on (data and control inputs), and the init ops the loader runs
 * ({@code saved_model_main_op}, {@code legacy_init_op}). The saver's own nodes, which restore
 * {@code variables/}, are not counted.
 */
final class ServingPathAudit {
  /** Collections whose ops the SavedModel loader runs after restoring the variables. */
  private static final List<String> LOAD_TIME_COLLECTIONS =
      List.of("saved_model_main_op", "legacy_init_op");

  /** One risky op: the node's name, its op and why it is risky. */
  public record Finding(String node, String op, String why) {
    @Override
    public String toString() {
      return op + " (node '" + node + "', " + why + ")";
    }
  }

  private ServingPathAudit() {}

  public static List<Finding> findings(MetaGraphDef meta) {
    Map<String, NodeDef> nodes = new HashMap<>();
    meta.getGraphDef().getNodeList().forEach(n -> nodes.put(n.getName(), n));
    Set<String> saver = dependencies(nodes, saverRoots(meta));
    List<Finding> findings = new ArrayList<>();
    for (String name : dependencies(nodes, servingRoots(meta))) {
      NodeDef node = nodes.get(name);
      if (!saver.contains(name)) {
        RiskyOps.why(node.getOp()).ifPresent(why ->
            findings.add(new Finding(name, node.getOp(), why)));
      }
    }
    return findings;
  }

  private static List<String> servingRoots(MetaGraphDef meta) {
    List<String> roots = new ArrayList<>();
    meta.getSignatureDefMap().values().forEach(sig ->
        sig.getOutputsMap().values().stream().map(TensorInfo::getName).forEach(roots::add));
    for (String collection : LOAD_TIME_COLLECTIONS) {
      var def = meta.getCollectionDefMap().get(collection);
      if (def != null) {
        roots.addAll(def.getNodeList().getValueList());
      }
    }
    return roots;
  }

  private static List<String> saverRoots(MetaGraphDef meta) {
    if (!meta.hasSaverDef()) {
      return List.of();
    }
    return List.of(meta.getSaverDef().getRestoreOpName(), meta.getSaverDef().getSaveTensorName());
  }

  /** The named nodes and everything they depend on, in the order found. */
  private static Set<String> dependencies(Map<String, NodeDef> nodes, List<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    var pending = new ArrayDeque<String>();
    roots.stream().map(ServingPathAudit::nodeName).forEach(pending::add);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      NodeDef node = nodes.get(name);
      if (node != null && seen.add(name)) {
        node.getInputList().stream().map(ServingPathAudit::nodeName).forEach(pending::add);
      }
    }
    return seen;
  }

  /** {@code ^name} (control input), {@code name:1} (second output) and {@code name} → name. */
  static String nodeName(String input) {
    String name = input.startsWith("^") ? input.substring(1) : input;
    int colon = name.lastIndexOf(':');
    return colon > 0 && name.substring(colon + 1).chars().allMatch(Character::isDigit)
        ? name.substring(0, colon) : name;
  }
}
