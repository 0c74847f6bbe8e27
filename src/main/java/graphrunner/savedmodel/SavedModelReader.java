package graphrunner.savedmodel;

import graphrunner.DamagedSavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/**
 * Reads a SavedModel directory and checks every piece before anything is given to TensorFlow:
 * {@code saved_model.pb} (present, not empty, parses, has a graph), {@code variables/}, its
 * index and each data file (present, as long as the index says). A damaged piece is a
 * {@link DamagedSavedModel} naming it; TensorFlow's own messages for these
 * ("Attempting to use uninitialized value", "Read less bytes than requested") name none.
 */
final class SavedModelReader {
  private static final String VARIABLES = "variables";

  private SavedModelReader() {}

  /** The parsed {@code saved_model.pb} of a SavedModel whose files are all whole. */
  public static SavedModel read(Path model) {
    SavedModel savedModel = readGraph(model);
    if (hasVariables(savedModel)) {
      checkVariables(model);
    }
    return savedModel;
  }

  private static SavedModel readGraph(Path model) {
    Path pb = model.resolve("saved_model.pb");
    if (!Files.isRegularFile(pb)) {
      throw damaged(pb, "is missing");
    }
    SavedModel savedModel;
    try {
      byte[] bytes = Files.readAllBytes(pb);
      if (bytes.length == 0) {
        throw damaged(pb, "is empty");
      }
      savedModel = SavedModel.parseFrom(bytes);
    } catch (IOException e) { // InvalidProtocolBufferException included: truncated or garbage
      throw damaged(pb, "is truncated or not a SavedModel (" + e.getMessage() + ")");
    }
    if (savedModel.getMetaGraphsCount() == 0
        || savedModel.getMetaGraphsList().stream().anyMatch(m -> !m.hasGraphDef())) {
      throw damaged(pb, "is truncated or not a SavedModel (no graph in it)");
    }
    return savedModel;
  }

  /** A graph with a saver has variables to restore. */
  private static boolean hasVariables(SavedModel savedModel) {
    return savedModel.getMetaGraphsList().stream().anyMatch(MetaGraphDef::hasSaverDef);
  }

  private static void checkVariables(Path model) {
    Path dir = model.resolve(VARIABLES);
    if (!Files.isDirectory(dir)) {
      throw damaged(dir, "is missing (the graph has variables to restore)");
    }
    Path index = dir.resolve(VARIABLES + ".index");
    if (!Files.isRegularFile(index)) {
      throw damaged(index, "is missing");
    }
    CheckpointIndex table;
    try {
      table = CheckpointIndex.parse(Files.readAllBytes(index));
    } catch (IOException | IllegalArgumentException e) {
      throw damaged(index, "is truncated or damaged (" + e.getMessage() + ")");
    }
    for (int shard = 0; shard < table.shards(); shard++) {
      Path data = dir.resolve(table.dataFile(VARIABLES, shard));
      long needed = table.bytesNeeded(shard);
      long size = sizeOf(data);
      if (size < 0) {
        throw damaged(data, "is missing");
      }
      if (size < needed) {
        throw damaged(data, "is truncated (" + size + " bytes, the index needs " + needed + ")");
      }
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static DamagedSavedModel damaged(Path piece, String what) {
    return new DamagedSavedModel("damaged SavedModel: " + piece + " " + what);
  }
}
