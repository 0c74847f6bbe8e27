package graphrunner.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeWriteErrorTest {

  @Test
  void aFullDiskDuringTensorFlowsSaveIsNoSpaceLeftOnDevice() {
    String message = "/tmp/full/models/fc5-relu/.tmp-22163-2/variables/"
        + "variables.data-00000-of-00001.tempstate18240355459961274765; No space left on device\n"
        + "\t [[{{node save/Save}}]]\nHint: If you want to see a list of allocated tensors when "
        + "OOM happens, add report_tensor_allocations_upon_oom to RunOptions";
    assertEquals("No space left on device", NativeWriteError.reason(message));
  }

  @Test
  void theNodeIsDroppedWhenTheMessageIsOneLine() {
    assertEquals("No space left on device", NativeWriteError.reason(
        "/x/model.index.tempstate1; No space left on device [[{{node save/Save}}]] Hint: ..."));
  }

  @Test
  void aClusterTasksPrefixIsSkipped() {
    assertEquals("File too large", NativeWriteError.reason("From /job:worker/replica:0/task:0:\n"
        + "/runs/fc5-relu/1/checkpoints/.tmp-1/model.data-00000-of-00001.tempstate7; File too "
        + "large\n\t [[{{node save/SaveV2}}]]"));
  }

  @Test
  void aMessageWithoutAFileNameIsKeptWhole() {
    assertEquals("Read-only file system", NativeWriteError.reason("Read-only file system"));
  }
}
