package graphrunner.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.JobDef;

/**
 * The tasks of a cluster and their {@code host:port} addresses, by job: {@code ps} holds the
 * variables; {@code worker} (and an optional single {@code chief}) train. The chief is the
 * {@code chief} task when there is one, else worker 0, as in TF1 and Kubeflow's TFJob.
 */
public record ClusterSpec(Map<String, List<String>> jobs) {

  public ClusterSpec {
    var copy = new LinkedHashMap<String, List<String>>();
    jobs.forEach((job, addresses) -> copy.put(job, List.copyOf(addresses)));
    jobs = java.util.Collections.unmodifiableMap(copy);
  }

  public List<String> addresses(String job) {
    return jobs.getOrDefault(job, List.of());
  }

  public String address(TaskId task) {
    return addresses(task.job()).get(task.index());
  }

  public List<TaskId> parameterServers() {
    return tasks(TaskId.PS);
  }

  /** The tasks that train: the chief first, then the workers. */
  public List<TaskId> trainers() {
    List<TaskId> trainers = new ArrayList<>(tasks(TaskId.CHIEF));
    trainers.addAll(tasks(TaskId.WORKER));
    return trainers;
  }

  public TaskId chief() {
    return trainers().get(0);
  }

  /** This trainer's position among all trainers: its data shard. */
  public int shardOf(TaskId trainer) {
    return trainers().indexOf(trainer);
  }

  private List<TaskId> tasks(String job) {
    List<TaskId> tasks = new ArrayList<>();
    for (int i = 0; i < addresses(job).size(); i++) {
      tasks.add(new TaskId(job, i));
    }
    return tasks;
  }

  public ClusterDef toClusterDef() {
    var cluster = ClusterDef.newBuilder();
    jobs.forEach((job, addresses) -> {
      var def = JobDef.newBuilder().setName(job);
      for (int i = 0; i < addresses.size(); i++) {
        def.putTasks(i, addresses.get(i));
      }
      cluster.addJob(def);
    });
    return cluster.build();
  }
}
