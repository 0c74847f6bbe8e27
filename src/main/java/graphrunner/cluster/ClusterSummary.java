package graphrunner.cluster;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import graphrunner.train.RunContext;
import graphrunner.train.TrainingListener;
import graphrunner.train.TrainingResult;
import graphrunner.train.listener.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the cluster's layout and each trainer's share to the {@code summary.json} the run's own
 * writer has just written (it must be registered after it): which task held which variable, and
 * steps and examples/s per trainer and in total.
 */
final class ClusterSummary implements TrainingListener {
  private final TfConfig config;
  private final Path runDir;
  private List<WorkerReports.Report> trainers = List.of();
  private double totalExamplesPerSecond;

  ClusterSummary(TfConfig config, Path runDir) {
    this.config = config;
    this.runDir = runDir;
  }

  void record(List<WorkerReports.Report> reports, double total) {
    this.trainers = List.copyOf(reports);
    this.totalExamplesPerSecond = total;
  }

  @Override
  public void onEnd(RunContext run, TrainingResult result) {
    if (!Files.exists(SummaryJson.file(runDir))) {
      return;
    }
    JsonObject summary = SummaryJson.read(runDir);
    summary.add("cluster", new Gson().toJsonTree(layout(run)));
    SummaryJson.write(runDir, summary);
  }

  private Map<String, Object> layout(RunContext run) {
    Map<String, Object> layout = new LinkedHashMap<>();
    layout.put("spec", config.cluster().jobs());
    layout.put("chief", config.cluster().chief().toString());
    layout.put("replication", "between-graph, asynchronous");
    Map<String, String> variables = new LinkedHashMap<>();
    run.graph().operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2")) {
        variables.put(op.name(), op.device());
      }
    });
    layout.put("variables", variables);
    List<Map<String, Object>> shares = new ArrayList<>();
    for (var report : trainers) {
      Map<String, Object> share = new LinkedHashMap<>();
      share.put("task", report.task().toString());
      share.put("steps", report.steps());
      share.put("examples_per_second", report.examplesPerSecond());
      shares.add(share);
    }
    layout.put("trainers", shares);
    layout.put("examples_per_second_total", totalExamplesPerSecond);
    return layout;
  }
}
