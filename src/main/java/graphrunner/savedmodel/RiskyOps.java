package graphrunner.savedmodel;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ops that reach outside the tensors they are given: they read or write files, run code of
 * another process or language, or talk over the network. A classifier's serving path needs none
 * of them; a SavedModel whose signature runs one can read or overwrite the files of whoever
 * serves it. (Save/Restore belong to the saver, which the loader runs on the model's own
 * {@code variables/}; they are only suspicious on the serving path.)
 */
final class RiskyOps {
  private static final Map<String, String> WHY = new TreeMap<>();

  static {
    reason("reads files", "ReadFile", "MatchingFiles", "Restore", "RestoreV2", "RestoreSlice",
        "InitializeTableFromTextFile", "InitializeTableFromTextFileV2",
        "TextLineReader", "TextLineReaderV2", "WholeFileReader", "WholeFileReaderV2",
        "FixedLengthRecordReader", "FixedLengthRecordReaderV2", "TFRecordReader",
        "TFRecordReaderV2", "LMDBReader", "TextLineDataset", "TFRecordDataset",
        "FixedLengthRecordDataset", "FixedLengthRecordDatasetV2", "CSVDataset",
        "ExperimentalCSVDataset", "ExperimentalLMDBDataset", "LoadDataset");
    reason("writes files", "WriteFile", "Save", "SaveV2", "SaveSlices", "MergeV2Checkpoints",
        "DeleteFile", "DatasetToTFRecord", "ExperimentalDatasetToTFRecord", "SaveDataset",
        "SaveDatasetV2", "SnapshotDataset", "SnapshotDatasetV2", "CacheDataset",
        "CacheDatasetV2", "CreateSummaryFileWriter", "WriteSummary", "PrintV2",
        "DebugIdentity", "DebugIdentityV2", "DebugIdentityV3");
    reason("runs code outside the graph", "PyFunc", "PyFuncStateless", "EagerPyFunc");
    reason("talks over the network", "Rpc", "TryRpc", "DataServiceDataset",
        "DataServiceDatasetV2", "DataServiceDatasetV3", "DataServiceDatasetV4", "RegisterDataset",
        "CreateSummaryDbWriter", "SqlDataset", "ExperimentalSqlDataset");
  }

  private RiskyOps() {}

  private static void reason(String why, String... ops) {
    for (String op : ops) {
      WHY.put(op, why);
    }
  }

  /** Why {@code op} is risky ("reads files"), or empty when it only computes. */
  public static Optional<String> why(String op) {
    return Optional.ofNullable(WHY.get(op));
  }

  /** Every op we flag with its reason, for the documentation and {@code --help}. */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(WHY);
  }
}
