package graphrunner.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.UnwritableOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.Summary;

class EventFileWriterTest {
  @TempDir Path dir;

  @Test
  void crc32cMatchesTheStandardTestVector() {
    var crc = new CRC32C();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
    assertEquals(0xE3069283L, crc.getValue());
    int raw = 0xE3069283;
    assertEquals(((raw >>> 15) | (raw << 17)) + 0xa282ead8,
        TfRecordWriter.maskedCrc32c("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void fileNameFollowsTensorBoardsConventionAndStartsWithTheVersion() throws IOException {
    Path file;
    try (var writer = EventFileWriter.create(dir)) {
      file = writer.file();
    }
    assertTrue(file.getFileName().toString().matches(
        "events\\.out\\.tfevents\\.\\d{10}\\.[^.]+.*\\.\\d+\\.graph-runner"), file.toString());
    List<Event> events = EventFileReader.read(file);
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
  }

  @Test
  void twoWritersInTheSameDirectoryKeepTheirOwnFiles() throws IOException {
    Path first;
    Path second;
    try (var a = EventFileWriter.create(dir); var b = EventFileWriter.create(dir)) {
      a.scalar("loss", 1, 1.0);
      b.scalar("loss", 1, 2.0);
      first = a.file();
      second = b.file();
    }
    assertNotEquals(first, second);
    assertEquals(Map.of(1L, 1.0f), EventFileReader.scalars(EventFileReader.read(first), "loss"));
    assertEquals(Map.of(1L, 2.0f), EventFileReader.scalars(EventFileReader.read(second), "loss"));
  }

  @Test
  void scalarsRoundTripWithTheirSteps() throws IOException {
    try (var writer = EventFileWriter.create(dir)) {
      writer.scalar("loss", 0, 2.5);
      writer.scalar("loss", 100, 1.25);
      writer.scalar("accuracy", 100, 0.5);
    }
    List<Event> events = EventFileReader.readDir(dir);
    assertEquals(Map.of(0L, 2.5f, 100L, 1.25f), EventFileReader.scalars(events, "loss"));
    assertEquals(Map.of(100L, 0.5f), EventFileReader.scalars(events, "accuracy"));
  }

  @Test
  void aCorruptedRecordIsDetected() throws IOException {
    Path file;
    try (var writer = EventFileWriter.create(dir)) {
      writer.scalar("loss", 7, 1.0);
      file = writer.file();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 6] ^= 0x01; // inside the last record's data
    Files.write(file, bytes);
    var error = assertThrows(IOException.class, () -> EventFileReader.read(file));
    assertTrue(error.getMessage().contains("CRC"), error.getMessage());
  }

  @Test
  void graphDefRoundTripsWithItsNodeNames() throws IOException {
    GraphDef graphDef;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      tf.withSubScope("layer1").withName("W1").variable(tf.constant(new float[] {1, 2}));
      graphDef = g.toGraphDef();
    }
    try (var writer = EventFileWriter.create(dir)) {
      writer.graph(graphDef);
    }
    var graphEvent = EventFileReader.readDir(dir).stream().filter(Event::hasGraphDef)
        .findFirst().orElseThrow();
    var names = GraphDef.parseFrom(graphEvent.getGraphDef()).getNodeList().stream()
        .map(NodeDef::getName).toList();
    assertTrue(names.contains("layer1/W1"), names.toString());
  }

  @Test
  void histogramCountsEveryValue() throws IOException {
    float[] values = {-1f, -0.5f, 0f, 0f, 0.001f, 0.5f, 3f};
    try (var writer = EventFileWriter.create(dir)) {
      writer.histogram("layer1/W1", 5, values);
    }
    var histo = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.HISTO).get(0).getHisto();
    assertEquals(7, histo.getNum());
    assertEquals(7, histo.getBucketList().stream().mapToDouble(Double::doubleValue).sum());
    assertEquals(-1, histo.getMin());
    assertEquals(3, histo.getMax());
    assertEquals(2.001, histo.getSum(), 1e-6);
    for (int i = 1; i < histo.getBucketLimitCount(); i++) {
      assertTrue(histo.getBucketLimit(i) > histo.getBucketLimit(i - 1), "edges ascend");
    }
  }

  @Test
  void histogramBucketsTileTheRangeSoAGapIsDrawnEmpty() throws IOException {
    try (var writer = EventFileWriter.create(dir)) {
      writer.histogram("w", 1, new float[] {1f, 100f});
    }
    var histo = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.HISTO).get(0).getHisto();
    // TensorBoard draws bucket i from limit i-1 to limit i: the gap is one empty bucket, and
    // the bucket holding 100 starts within TensorFlow's 10% bucket width of it
    assertEquals(List.of(1.0, 0.0, 1.0), histo.getBucketList());
    assertTrue(histo.getBucketLimit(0) > 1 && histo.getBucketLimit(0) <= 1.1);
    assertTrue(histo.getBucketLimit(1) > 90 && histo.getBucketLimit(1) <= 100);
    assertTrue(histo.getBucketLimit(2) > 100 && histo.getBucketLimit(2) <= 110);
  }

  @Test
  void zeroFallsInTheBucketAboveZeroAsInTensorFlow() throws IOException {
    try (var writer = EventFileWriter.create(dir)) {
      writer.histogram("b", 1, new float[] {0f, 0f});
    }
    var histo = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.HISTO).get(0).getHisto();
    assertEquals(List.of(2.0), histo.getBucketList());
    assertEquals(1e-12, histo.getBucketLimit(0), 1e-24);
  }

  @Test
  void histogramOfADivergedRunSkipsNanAndKeepsInfinities() throws IOException {
    try (var writer = EventFileWriter.create(dir)) {
      writer.histogram("w", 1, new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1f,
          Float.NEGATIVE_INFINITY});
    }
    var histo = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.HISTO).get(0).getHisto();
    assertEquals(3, histo.getNum());
    assertEquals(3, histo.getBucketList().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void imageIsAValidPngOfTheGivenSize() throws IOException {
    var image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0xFF0000);
    try (var writer = EventFileWriter.create(dir)) {
      writer.image("predictions", 100, image);
    }
    var stored = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.IMAGE).get(0).getImage();
    assertEquals(30, stored.getWidth());
    assertEquals(20, stored.getHeight());
    assertEquals(3, stored.getColorspace());
    var png = ImageIO.read(new ByteArrayInputStream(stored.getEncodedImageString().toByteArray()));
    assertEquals(0xFF0000, png.getRGB(3, 4) & 0xFFFFFF);
    assertArrayEquals(new int[] {30, 20}, new int[] {png.getWidth(), png.getHeight()});
  }

  @Test
  void grayImageIsStoredWithOneChannel() throws IOException {
    var image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
    try (var writer = EventFileWriter.create(dir)) {
      writer.image("digit", 1, image);
    }
    var stored = EventFileReader.values(EventFileReader.readDir(dir),
        Summary.Value.ValueCase.IMAGE).get(0).getImage();
    assertEquals(1, stored.getColorspace());
    var png = ImageIO.read(new ByteArrayInputStream(stored.getEncodedImageString().toByteArray()));
    assertEquals(1, png.getColorModel().getNumComponents());
  }

  @Test
  void unwritableDirectoryIsAOneLineIoError() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    var error = assertThrows(UnwritableOutput.class, () -> EventFileWriter.create(file.resolve("logs")));
    assertEquals(1, error.getMessage().lines().count());
  }
}
