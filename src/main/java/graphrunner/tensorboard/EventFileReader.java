package graphrunner.tensorboard;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * Reads an event file as TensorBoard does, record by record: the length, the masked CRC32C of the
 * length, the data, the masked CRC32C of the data (both checked), then the {@link Event} proto.
 * The report reads a run's curves back through it.
 */
public final class EventFileReader {
  private EventFileReader() {}

  public static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      while (true) {
        byte[] length = new byte[8];
        try {
          data.readFully(length);
        } catch (EOFException end) {
          return events;
        }
        check(length, readInt(data), "length");
        long size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] record = new byte[Math.toIntExact(size)];
        data.readFully(record);
        check(record, readInt(data), "data");
        events.add(Event.parseFrom(record));
      }
    }
  }

  /**
   * Every event of every event file in {@code dir}, files in name order (their names start with
   * the creation time). A file cut short by a killed run yields the records before the cut, as
   * TensorBoard shows them; an absent directory yields none.
   */
  public static List<Event> readAllIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Event> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(EventFileReader::isEventFile).sorted().toList()) {
        events.addAll(readUpToDamage(file));
      }
    }
    return events;
  }

  private static boolean isEventFile(Path p) {
    return p.getFileName().toString().startsWith("events.out.tfevents.");
  }

  private static List<Event> readUpToDamage(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      while (true) {
        try {
          events.add(nextRecord(data));
        } catch (EOFException | CorruptRecordException end) {
          return events;
        }
      }
    }
  }

  private static Event nextRecord(DataInputStream data) throws IOException {
    byte[] length = new byte[8];
    data.readFully(length);
    check(length, readInt(data), "length");
    long size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getLong();
    byte[] record = new byte[Math.toIntExact(size)];
    data.readFully(record);
    check(record, readInt(data), "data");
    return Event.parseFrom(record);
  }

  /** The only event file in {@code dir}. */
  public static List<Event> readDir(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> events = files.filter(p -> p.getFileName().toString()
          .startsWith("events.out.tfevents.")).toList();
      if (events.size() != 1) {
        throw new IOException("expected one event file in " + dir + ", found " + events);
      }
      return read(events.get(0));
    }
  }

  /** step → value of every scalar with this tag. */
  public static Map<Long, Float> scalars(List<Event> events, String tag) {
    Map<Long, Float> values = new TreeMap<>();
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        if (v.getTag().equals(tag) && v.hasSimpleValue()) {
          values.put(e.getStep(), v.getSimpleValue());
        }
      }
    }
    return values;
  }

  public static List<Summary.Value> values(List<Event> events, Summary.Value.ValueCase kind) {
    return events.stream().flatMap(e -> e.getSummary().getValueList().stream())
        .filter(v -> v.getValueCase() == kind).toList();
  }

  private static int readInt(DataInputStream data) throws IOException {
    byte[] bytes = new byte[4];
    data.readFully(bytes);
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static void check(byte[] bytes, int expected, String what) throws IOException {
    if (TfRecordWriter.maskedCrc32c(bytes) != expected) {
      throw new CorruptRecordException("corrupt record: " + what + " CRC mismatch");
    }
  }

  private static final class CorruptRecordException extends IOException {
    CorruptRecordException(String message) {
      super(message);
    }
  }
}
