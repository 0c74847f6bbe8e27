package graphrunner.savedmodel;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;

/**
 * Reads a checkpoint's {@code variables.index} (a LevelDB-format table of tensor name →
 * {@code BundleEntryProto}) far enough to tell how many data shards there are and how many bytes
 * each must hold: a truncated data file is otherwise only noticed when TensorFlow restores it,
 * with a message about "less bytes than requested" that names no file.
 */
final class CheckpointIndex {
  private static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER = 48;
  private static final int BLOCK_TRAILER = 5;

  private final int shards;
  private final Map<Integer, Long> bytesNeeded = new HashMap<>();

  private CheckpointIndex(byte[] table) throws InvalidProtocolBufferException {
    var buffer = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
    if (table.length < FOOTER || buffer.getLong(table.length - 8) != TABLE_MAGIC) {
      throw new IllegalArgumentException("not a checkpoint index (no table footer)");
    }
    buffer.position(table.length - FOOTER);
    varint(buffer); // metaindex block: offset
    varint(buffer); // and size; it holds nothing we need
    ByteBuffer index = block(table, varint(buffer), varint(buffer));
    int shardCount = 1;
    for (Entry handle : entries(index)) {
      ByteBuffer h = ByteBuffer.wrap(handle.value);
      for (Entry entry : entries(block(table, varint(h), varint(h)))) {
        if (entry.key.length == 0) { // the empty key holds the header
          shardCount = BundleHeaderProto.parseFrom(entry.value).getNumShards();
        } else {
          var tensor = BundleEntryProto.parseFrom(entry.value);
          bytesNeeded.merge(tensor.getShardId(), tensor.getOffset() + tensor.getSize(), Math::max);
        }
      }
    }
    shards = shardCount;
  }

  /** Parses {@code table}; IllegalArgumentException when it is not a whole index. */
  public static CheckpointIndex parse(byte[] table) {
    try {
      return new CheckpointIndex(table);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new IllegalArgumentException("damaged checkpoint index: " + e.getMessage(), e);
    }
  }

  public int shards() {
    return shards;
  }

  /** The data file name of shard {@code i}, e.g. {@code variables.data-00000-of-00001}. */
  public String dataFile(String prefix, int shard) {
    return String.format("%s.data-%05d-of-%05d", prefix, shard, shards);
  }

  /** The smallest size the data file of {@code shard} can have: the end of its last tensor. */
  public long bytesNeeded(int shard) {
    return bytesNeeded.getOrDefault(shard, 0L);
  }

  private record Entry(byte[] key, byte[] value) {}

  /** A block's contents; only uncompressed blocks, which is what TensorFlow writes. */
  private static ByteBuffer block(byte[] table, long offset, long size) {
    if (offset < 0 || offset + size + BLOCK_TRAILER > table.length) {
      throw new IllegalArgumentException("block beyond the end of the file");
    }
    if (table[(int) (offset + size)] != 0) {
      throw new IllegalArgumentException("compressed block");
    }
    return ByteBuffer.wrap(table, (int) offset, (int) size).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The key/value entries of a block (keys are prefix-compressed against the previous one). */
  private static java.util.List<Entry> entries(ByteBuffer block) {
    int restarts = block.getInt(block.limit() - 4);
    int end = block.limit() - 4 * (restarts + 1);
    var entries = new java.util.ArrayList<Entry>();
    byte[] key = new byte[0];
    block.position(0);
    while (block.position() < end) {
      int shared = (int) varint(block);
      int unshared = (int) varint(block);
      int valueLength = (int) varint(block);
      byte[] next = java.util.Arrays.copyOf(key, shared + unshared);
      block.get(next, shared, unshared);
      byte[] value = new byte[valueLength];
      block.get(value);
      entries.add(new Entry(next, value));
      key = next;
    }
    return entries;
  }

  private static long varint(ByteBuffer in) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("malformed varint");
  }
}
