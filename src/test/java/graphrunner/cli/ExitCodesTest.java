package graphrunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import graphrunner.ClusterUnreachable;
import graphrunner.DamagedSavedModel;
import graphrunner.DatasetUnavailable;
import graphrunner.DeviceUnavailable;
import graphrunner.GraphRunnerException;
import graphrunner.InvalidClusterConfig;
import graphrunner.NotARunDirectory;
import graphrunner.ParameterServerLost;
import graphrunner.TrainingDiverged;
import graphrunner.UntrustedSavedModel;
import graphrunner.UnwritableOutput;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  @Test
  void everyKindOfFailureHasAnExitCodeOtherThanInternal() throws Exception {
    for (Class<?> kind : GraphRunnerException.class.getPermittedSubclasses()) {
      var failure = (RuntimeException) kind.getConstructor(String.class).newInstance("m");
      assertNotEquals(ExitCode.INTERNAL, ExitCodes.of(failure), kind.getName());
    }
  }

  @Test
  void theReadmesTableHolds() {
    assertEquals(ExitCode.USAGE, ExitCodes.of(new InvalidClusterConfig("TF_CONFIG: ...")));
    assertEquals(ExitCode.USAGE, ExitCodes.of(new NotARunDirectory("runs/x")));
    assertEquals(ExitCode.DATA, ExitCodes.of(new DatasetUnavailable("no data")));
    assertEquals(ExitCode.DATA, ExitCodes.of(new DamagedSavedModel("damaged SavedModel: ...")));
    assertEquals(ExitCode.DATA, ExitCodes.of(new UntrustedSavedModel("refusing to serve ...")));
    assertEquals(ExitCode.IO, ExitCodes.of(new UnwritableOutput("cannot write ...")));
    assertEquals(7, ExitCodes.of(new ParameterServerLost("lost parameter server")).code());
    assertEquals(8, ExitCodes.of(new ClusterUnreachable("gave up")).code());
    assertEquals(5, ExitCodes.of(new TrainingDiverged("training diverged at step 3")).code());
    assertEquals(6, ExitCodes.of(new DeviceUnavailable("no GPU")).code());
  }

  @Test
  void theCommandLinesOwnErrorsKeepTheirCode() {
    assertEquals(ExitCode.DIVERGED, ExitCodes.of(new UserError(ExitCode.DIVERGED, "diverged")));
  }

  @Test
  void anythingElseIsABug() {
    assertEquals(ExitCode.INTERNAL, ExitCodes.of(new IllegalStateException("bug")));
  }
}
