package graphrunner.export;

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
 */
final class EventFileReader {
  private EventFileReader() {}

  static List<Event> read(Path file) throws IOException {
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

  /** The only event file in {@code dir}. */
  static List<Event> readDir(Path dir) throws IOException {
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
  static Map<Long, Float> scalars(List<Event> events, String tag) {
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

  static List<Summary.Value> values(List<Event> events, Summary.Value.ValueCase kind) {
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
      throw new IOException("corrupt record: " + what + " CRC mismatch");
    }
  }
}
