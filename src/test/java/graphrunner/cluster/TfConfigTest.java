package graphrunner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.InvalidClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfConfigTest {
  private static final String CLUSTER =
      "\"cluster\": {\"ps\": [\"127.0.0.1:2222\"], \"worker\": [\"127.0.0.1:2223\", \"127.0.0.1:2224\"]}";

  private static String usageError(String json) {
    InvalidClusterConfig e = assertThrows(InvalidClusterConfig.class, () -> TfConfig.parse(json));
    return e.getMessage();
  }

  @Test
  void parsesKubeflowsTfConfig() {
    TfConfig config = TfConfig.parse("{" + CLUSTER + ", \"task\": {\"type\": \"worker\", \"index\": 1}}");
    assertEquals(new TaskId("worker", 1), config.task());
    assertEquals(List.of("127.0.0.1:2223", "127.0.0.1:2224"), config.cluster().addresses("worker"));
    assertFalse(config.isChief());
    assertEquals(new TaskId("worker", 0), config.cluster().chief());
  }

  @Test
  void aChiefTaskIsTheChiefAndTrainsFirst() {
    TfConfig config = TfConfig.parse("{\"cluster\": {\"chief\": [\"h:1\"], \"ps\": [\"h:2\"], "
        + "\"worker\": [\"h:3\"]}, \"task\": {\"type\": \"chief\", \"index\": 0}}");
    assertTrue(config.isChief());
    assertEquals(List.of(new TaskId("chief", 0), new TaskId("worker", 0)),
        config.cluster().trainers());
  }

  @Test
  void flagsSayTheSameThing() {
    assertEquals(TfConfig.parse("{" + CLUSTER + ", \"task\": {\"type\": \"ps\", \"index\": 0}}"),
        TfConfig.fromFlags("ps=127.0.0.1:2222;worker=127.0.0.1:2223,127.0.0.1:2224", "ps:0"));
  }

  @Test
  void notJsonIsSaidSoInTheParsersWordsWithoutJavaNames() {
    String message = usageError("{\"cluster\": {");
    assertTrue(message.startsWith("TF_CONFIG is not JSON: End of input at line 1"), message);
    assertFalse(message.contains("Exception"), message);
  }

  @Test
  void eachMistakeNamesItsField() {
    assertEquals("TF_CONFIG: cluster: is missing",
        usageError("{\"task\": {\"type\": \"worker\", \"index\": 0}}"));
    assertEquals("TF_CONFIG: task: is missing", usageError("{" + CLUSTER + "}"));
    assertEquals("TF_CONFIG: task.index: must be a non-negative integer, got \"0\"",
        usageError("{" + CLUSTER + ", \"task\": {\"type\": \"worker\", \"index\": \"0\"}}"));
    assertEquals("TF_CONFIG: task.index: 2 is outside job 'worker' (0..1)",
        usageError("{" + CLUSTER + ", \"task\": {\"type\": \"worker\", \"index\": 2}}"));
    assertTrue(usageError("{" + CLUSTER + ", \"task\": {\"type\": \"evaluator\", \"index\": 0}}")
        .startsWith("TF_CONFIG: task.type: 'evaluator' is not a job of the cluster"));
    assertEquals("TF_CONFIG: cluster.worker[1]: expected \"host:port\", got \"127.0.0.1\"",
        usageError("{\"cluster\": {\"ps\": [\"h:1\"], \"worker\": [\"h:2\", \"127.0.0.1\"]}, "
            + "\"task\": {\"type\": \"ps\", \"index\": 0}}"));
    assertEquals("TF_CONFIG: cluster.ps[0]: port 70000 is outside 1..65535",
        usageError("{\"cluster\": {\"ps\": [\"h:70000\"], \"worker\": [\"h:2\"]}, "
            + "\"task\": {\"type\": \"ps\", \"index\": 0}}"));
    assertTrue(usageError("{\"cluster\": {\"worker\": [\"h:2\"]}, "
        + "\"task\": {\"type\": \"worker\", \"index\": 0}}").startsWith("TF_CONFIG: cluster.ps: "));
  }

  @Test
  void aTfConfigThatIsNotAnObjectIsNamedOnce() {
    assertEquals("TF_CONFIG: must be a JSON object", usageError("[1,2]"));
  }

  @Test
  void twoTasksOnOneAddressAreAUsageErrorNamingTheAddress() {
    assertEquals("TF_CONFIG: cluster.worker[1]: \"127.0.0.1:2222\" is the address of both ps:0 "
            + "and worker:1 (every task needs a host:port of its own)",
        usageError("{\"cluster\": {\"ps\": [\"127.0.0.1:2222\"], "
            + "\"worker\": [\"127.0.0.1:2223\", \"127.0.0.1:2222\"]}, "
            + "\"task\": {\"type\": \"worker\", \"index\": 0}}"));
    InvalidClusterConfig e = assertThrows(InvalidClusterConfig.class,
        () -> TfConfig.fromFlags("ps=127.0.0.1:29997;worker=127.0.0.1:29997", "worker:0"));
    assertEquals("--cluster: \"127.0.0.1:29997\" is the address of both ps:0 and worker:0 "
        + "(every task needs a host:port of its own)", e.getMessage());
    // localhost is 127.0.0.1: the two would be one server too
    InvalidClusterConfig aliased = assertThrows(InvalidClusterConfig.class,
        () -> TfConfig.fromFlags("ps=LocalHost:29997;worker=127.0.0.1:29997", "worker:0"));
    assertEquals("--cluster: \"127.0.0.1:29997\" is the address of both ps:0 (as "
        + "\"LocalHost:29997\") and worker:0 (every task needs a host:port of its own)",
        aliased.getMessage());
    // other loopback addresses are sockets of their own
    assertEquals(2, TfConfig.fromFlags("ps=127.0.0.2:29997;worker=127.0.0.1:29997", "worker:0")
        .cluster().jobs().size());
  }

  @Test
  void badFlagsNameTheFlag() {
    InvalidClusterConfig e = assertThrows(InvalidClusterConfig.class, () -> TfConfig.fromFlags("ps=h:1", "worker"));
    assertEquals("--task: expected JOB:INDEX (e.g. worker:0), got 'worker'", e.getMessage());
    String cluster = "ps=127.0.0.1:1;worker=127.0.0.1:2,127.0.0.1:3";
    e = assertThrows(InvalidClusterConfig.class, () -> TfConfig.fromFlags(cluster, "worker:5"));
    assertEquals("--task: 5 is outside job 'worker' (0..1)", e.getMessage());
    e = assertThrows(InvalidClusterConfig.class, () -> TfConfig.fromFlags(cluster, "chief:0"));
    assertTrue(e.getMessage().startsWith("--task: 'chief' is not a job of the cluster"),
        e.getMessage());
    e = assertThrows(InvalidClusterConfig.class,
        () -> TfConfig.fromFlags("worker=h:2", "worker:0"));
    assertTrue(e.getMessage().startsWith("--cluster: needs at least one parameter server"),
        e.getMessage());
    e = assertThrows(InvalidClusterConfig.class,
        () -> TfConfig.fromFlags(cluster, "worker:99999999999"));
    assertTrue(e.getMessage().startsWith("--task: expected JOB:INDEX"), e.getMessage());
  }
}
