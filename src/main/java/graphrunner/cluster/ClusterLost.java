package graphrunner.cluster;

import graphrunner.ParameterServerLost;
import org.tensorflow.exceptions.TensorFlowException;

/** Turns TensorFlow's failure of a cross-task run into the one line the user reads. */
final class ClusterLost {
  private ClusterLost() {}

  /**
   * Whatever failed, a run that involves the parameter servers failed because one of them went
   * away: the other workers are not part of this task's session (device filters), so their
   * death never shows up here.
   */
  static ParameterServerLost parameterServerLost(TaskId self, long globalStep, TensorFlowException e) {
    return new ParameterServerLost(self + ": lost a parameter server at global step "
        + globalStep + ", stopping without export (" + firstLine(e) + ")", e);
  }

  /**
   * TensorFlow's message in one line: its first lines are where it happened, then what; gRPC's
   * details that follow (a remote target, then a JSON dump) say nothing more to a user.
   */
  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return String.join(" ", message.lines().map(String::trim).filter(l -> !l.isEmpty())
        .takeWhile(l -> !l.startsWith("Additional GRPC error information")).limit(2).toList());
  }
}
