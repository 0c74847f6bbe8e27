package graphrunner.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * Event files as TensorFlow itself reads them: graph-runner's own reader shares the writer's CRC
 * code, so a wrong mask would pass it; TensorFlow's TFRecord reader would not.
 */
class TensorFlowReadsEventFilesTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeOneEventOfEachKind() {
    var image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(2, 1, 0, 200);
    try (var writer = EventFileWriter.create(dir)) {
      writer.sessionStart(7);
      writer.graph(GraphDef.newBuilder().addNode(NodeDef.newBuilder().setName("X")
          .setOp("Placeholder")).build());
      writer.scalar("loss", 7, 0.25);
      writer.histogram("layer1/W1", 8, new float[] {-1f, 0f, 0.5f, 2f});
      writer.image("images", 9, image);
      file = writer.file();
    }
  }

  @Test
  void tensorFlowReadsEveryEventThatWasWritten() throws Exception {
    List<Event> events = TensorFlowRecords.events(file);
    assertEquals(6, events.size(), events.toString());
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    assertEquals(SessionLog.SessionStatus.START, events.get(1).getSessionLog().getStatus());
    assertEquals(7, events.get(1).getStep());
    assertEquals("X", GraphDef.parseFrom(events.get(2).getGraphDef()).getNode(0).getName());
    Summary.Value loss = events.get(3).getSummary().getValue(0);
    assertEquals("loss", loss.getTag());
    assertEquals(0.25f, loss.getSimpleValue());
    assertEquals(7, events.get(3).getStep());
    Summary.Value histogram = events.get(4).getSummary().getValue(0);
    assertEquals("layer1/W1", histogram.getTag());
    assertEquals(4, histogram.getHisto().getNum());
    assertEquals(-1, histogram.getHisto().getMin());
    assertEquals(2, histogram.getHisto().getMax());
    Summary.Image png = events.get(5).getSummary().getValue(0).getImage();
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
        png.getEncodedImageString().toByteArray()));
    assertEquals(200, decoded.getRaster().getSample(2, 1, 0));
    assertEquals(9, events.get(5).getStep());
  }

  @Test
  void tensorFlowAndGraphRunnersReaderSeeTheSameEvents() throws Exception {
    assertEquals(EventFileReader.read(file), TensorFlowRecords.events(file));
  }

  @Test
  void aCorruptedDataCrcMakesTensorFlowFail() throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int second = recordEnd(bytes, 0);
    bytes[recordEnd(bytes, second) - 1] ^= 0x01; // the last byte of the 2nd record's data CRC
    Files.write(file, bytes);
    assertDataLoss(assertThrows(TensorFlowException.class, () -> TensorFlowRecords.read(file)));
  }

  @Test
  void aCorruptedLengthCrcMakesTensorFlowFail() throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int second = recordEnd(bytes, 0);
    bytes[second + 8] ^= 0x01; // the first byte of the 2nd record's length CRC
    Files.write(file, bytes);
    assertDataLoss(assertThrows(TensorFlowException.class, () -> TensorFlowRecords.read(file)));
  }

  /** The control for the two above: the same records with CRCs left unmasked are refused. */
  @Test
  void recordsWithUnmaskedCrcsAreRefused() throws Exception {
    byte[] data = Event.newBuilder().setFileVersion("brain.Event:2").build().toByteArray();
    byte[] length = littleEndian(8, data.length);
    var out = new ByteArrayOutputStream();
    out.write(length);
    out.write(littleEndian(4, crc32c(length)));
    out.write(data);
    out.write(littleEndian(4, crc32c(data)));
    Path unmasked = Files.write(dir.resolve("unmasked.tfrecord"), out.toByteArray());
    assertDataLoss(assertThrows(TensorFlowException.class,
        () -> TensorFlowRecords.read(unmasked)));
  }

  /** TensorFlow's record reader reports a CRC mismatch as a "corrupted record" (DATA_LOSS). */
  private static void assertDataLoss(TensorFlowException error) {
    assertTrue(error.getMessage().contains("corrupted record"), error.getMessage());
  }

  /** Where the record starting at {@code start} ends: length, its CRC, the data, its CRC. */
  private static int recordEnd(byte[] bytes, int start) {
    long length = ByteBuffer.wrap(bytes, start, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    return start + 8 + 4 + (int) length + 4;
  }

  private static byte[] littleEndian(int size, long value) {
    var buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    return (size == 8 ? buffer.putLong(value) : buffer.putInt((int) value)).array();
  }

  private static long crc32c(byte[] bytes) {
    var crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }
}
