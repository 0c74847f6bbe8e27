package graphrunner.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import graphrunner.InvalidClusterConfig;
import graphrunner.ParseErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A task's place in a cluster, as TensorFlow's {@code TF_CONFIG} environment variable gives it
 * (and Kubeflow's TFJob sets it):
 *
 * <pre>{@code {"cluster": {"ps": ["10.0.0.1:2222"], "worker": ["10.0.0.2:2222", "10.0.0.3:2222"]},
 *  "task": {"type": "worker", "index": 0}}}</pre>
 *
 * <p>Every mistake is a usage error naming the field ({@code TF_CONFIG: cluster.worker[1]: ...}).
 */
public record TfConfig(ClusterSpec cluster, TaskId task) {
  private static final Set<String> JOBS = Set.of(TaskId.PS, TaskId.WORKER, TaskId.CHIEF);

  public TfConfig {
    validate(cluster, task, Fields.JSON);
  }

  /** What a mistake is called: the field of TF_CONFIG's JSON, or the flag that gave it. */
  private record Fields(String ps, String worker, String chief, String type, String index) {
    static final Fields JSON = new Fields("cluster.ps", "cluster.worker", "cluster.chief",
        "task.type", "task.index");
    static final Fields FLAGS = new Fields("--cluster", "--cluster", "--cluster", "--task",
        "--task");

    /** Where a task's address was given: {@code cluster.worker[1]}, or just {@code --cluster}. */
    String address(TaskId task) {
      String job = switch (task.job()) {
        case TaskId.PS -> ps;
        case TaskId.CHIEF -> chief;
        default -> worker;
      };
      return job.startsWith("--") ? job : job + "[" + task.index() + "]";
    }
  }

  private static void validate(ClusterSpec cluster, TaskId task, Fields fields) {
    check(!cluster.parameterServers().isEmpty(), fields.ps(),
        "needs at least one parameter server (between-graph replication keeps the variables there)");
    check(!cluster.trainers().isEmpty(), fields.worker(), "needs at least one worker");
    check(cluster.addresses(TaskId.CHIEF).size() <= 1, fields.chief(), "holds at most one task");
    checkDistinctAddresses(cluster, fields);
    check(cluster.jobs().containsKey(task.job()), fields.type(),
        "'" + task.job() + "' is not a job of the cluster " + cluster.jobs().keySet());
    int size = cluster.addresses(task.job()).size();
    check(task.index() >= 0 && task.index() < size, fields.index(),
        task.index() + " is outside job '" + task.job() + "' (0.." + (size - 1) + ")");
  }

  /**
   * Two tasks on one {@code host:port} would be one TensorFlow server answering for both, and the
   * job would fail much later in TensorFlow's words.
   */
  private static void checkDistinctAddresses(ClusterSpec cluster, Fields fields) {
    Map<String, TaskId> owners = new HashMap<>();
    for (String job : cluster.jobs().keySet()) {
      for (int i = 0; i < cluster.addresses(job).size(); i++) {
        var task = new TaskId(job, i);
        String address = cluster.address(task);
        TaskId owner = owners.putIfAbsent(socket(address), task);
        check(owner == null, fields.address(task), "\"" + address + "\" is the address of both "
            + owner + (owner == null || cluster.address(owner).equals(address) ? ""
                : " (as \"" + cluster.address(owner) + "\")")
            + " and " + task + " (every task needs a host:port of its own)");
      }
    }
  }

  /**
   * The socket an address names, as far as its text tells without asking DNS: host names are
   * case-blind, and {@code localhost} is {@code 127.0.0.1} (what a one-machine cluster mixes).
   */
  private static String socket(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    return lower.startsWith("localhost:") ? "127.0.0.1" + lower.substring("localhost".length())
        : lower;
  }

  public boolean isChief() {
    return task.equals(cluster.chief());
  }

  /** Parses {@code TF_CONFIG}'s JSON. */
  public static TfConfig parse(String json) {
    JsonObject root = object(parseJson(json), "TF_CONFIG");
    JsonObject clusterJson = object(root.get("cluster"), "cluster");
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (var job : clusterJson.entrySet()) {
      String field = "cluster." + job.getKey();
      check(JOBS.contains(job.getKey()), field, "unknown job (graph-runner knows chief, worker, ps)");
      check(job.getValue().isJsonArray(), field, "must be a list of \"host:port\" strings");
      List<String> addresses = new ArrayList<>();
      var array = job.getValue().getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        addresses.add(address(array.get(i), field + "[" + i + "]"));
      }
      check(!addresses.isEmpty(), field, "is empty");
      jobs.put(job.getKey(), addresses);
    }
    JsonObject task = object(root.get("task"), "task");
    return new TfConfig(new ClusterSpec(jobs), new TaskId(string(task.get("type"), "task.type"),
        integer(task.get("index"), "task.index")));
  }

  /**
   * The same from command-line flags: {@code --cluster "ps=h:p;worker=h:p,h:p"} and
   * {@code --task worker:1}.
   */
  public static TfConfig fromFlags(String clusterFlag, String taskFlag) {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (String job : clusterFlag.split(";")) {
      String[] nameAndAddresses = job.split("=", 2);
      String field = "--cluster " + nameAndAddresses[0].trim();
      check(nameAndAddresses.length == 2, "--cluster",
          "expected JOB=HOST:PORT[,HOST:PORT...] separated by ';', got '" + job + "'");
      check(JOBS.contains(nameAndAddresses[0].trim()), field,
          "unknown job (graph-runner knows chief, worker, ps)");
      List<String> addresses = new ArrayList<>();
      for (String address : nameAndAddresses[1].split(",")) {
        addresses.add(hostPort(address.trim(), field));
      }
      jobs.put(nameAndAddresses[0].trim(), addresses);
    }
    String[] task = taskFlag.split(":");
    check(task.length == 2 && task[1].matches("\\d{1,9}"), "--task",
        "expected JOB:INDEX (e.g. worker:0), got '" + taskFlag + "'");
    var spec = new ClusterSpec(jobs);
    var taskId = new TaskId(task[0], Integer.parseInt(task[1]));
    validate(spec, taskId, Fields.FLAGS); // before the constructor's checks name TF_CONFIG's fields
    return new TfConfig(spec, taskId);
  }

  private static JsonElement parseJson(String json) {
    try {
      return JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new InvalidClusterConfig("TF_CONFIG is not JSON: " + ParseErrors.reason(e));
    }
  }

  private static JsonObject object(JsonElement element, String field) {
    check(element != null, field, "is missing");
    check(element.isJsonObject(), field, "must be a JSON object");
    return element.getAsJsonObject();
  }

  private static String string(JsonElement element, String field) {
    check(element != null, field, "is missing");
    check(element.isJsonPrimitive() && element.getAsJsonPrimitive().isString(), field,
        "must be a string");
    return element.getAsString();
  }

  private static int integer(JsonElement element, String field) {
    check(element != null, field, "is missing");
    check(element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()
        && element.getAsString().matches("\\d{1,9}"), field, "must be a non-negative integer, got "
        + element);
    return element.getAsInt();
  }

  private static String address(JsonElement element, String field) {
    return hostPort(string(element, field), field);
  }

  /** {@code host:port} with a port TensorFlow can bind (1..65535). */
  private static String hostPort(String address, String field) {
    int colon = address.lastIndexOf(':');
    check(colon > 0 && address.substring(colon + 1).matches("\\d{1,5}"), field,
        "expected \"host:port\", got \"" + address + "\"");
    int port = Integer.parseInt(address.substring(colon + 1));
    check(port >= 1 && port <= 65535, field, "port " + port + " is outside 1..65535");
    return address;
  }

  private static void check(boolean ok, String field, String problem) {
    if (!ok) {
      // flags and TF_CONFIG itself name themselves; JSON fields are named with their path in it
      String where = field.startsWith("--") || field.equals("TF_CONFIG") ? field
          : "TF_CONFIG: " + field;
      throw new InvalidClusterConfig(where + ": " + problem);
    }
  }
}
