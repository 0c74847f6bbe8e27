package graphrunner.data;

import java.util.List;

/**
 * The training and test splits of one data set, with the names of its classes.
 *
 * @param sha256 {@link DatasetChecksum} of the files they were read from ("" when built in memory)
 */
public record DataSplits(String datasetId, LabeledImages train, LabeledImages test,
    List<String> classNames, String sha256) {

  public DataSplits(String datasetId, LabeledImages train, LabeledImages test,
      List<String> classNames) {
    this(datasetId, train, test, classNames, "");
  }
}
