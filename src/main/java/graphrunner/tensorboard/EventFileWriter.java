package graphrunner.tensorboard;

import com.google.protobuf.ByteString;
import graphrunner.UnwritableOutput;
import graphrunner.fs.IoErrors;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.Summary;

/**
 * A TensorBoard event file ({@code events.out.tfevents.<secs>.<host>.<pid>.graph-runner}): the
 * graph, scalars, histograms and images as TFRecord-framed {@link Event} protos, exactly what
 * TF1's {@code tf.summary.FileWriter} writes. Every record is complete when written; {@link
 * #flush} makes them visible to a running TensorBoard.
 */
public final class EventFileWriter implements AutoCloseable {
  private final Path file;
  private final OutputStream stream;
  private final TfRecordWriter records;

  private EventFileWriter(Path file, OutputStream stream) {
    this.file = file;
    this.stream = stream;
    this.records = new TfRecordWriter(stream);
  }

  /** Creates {@code dir} if needed and a new event file in it, starting with the version record. */
  public static EventFileWriter create(Path dir) {
    long now = System.currentTimeMillis();
    String stem = "events.out.tfevents." + now / 1000 + "." + hostname() + "."
        + ProcessHandle.current().pid();
    try {
      Files.createDirectories(dir);
      Path file = newFile(dir, stem);
      var writer = new EventFileWriter(file,
          new BufferedOutputStream(Files.newOutputStream(file)));
      writer.write(Event.newBuilder().setWallTime(now / 1000.0).setFileVersion("brain.Event:2"));
      return writer;
    } catch (IOException e) {
      throw new UnwritableOutput("cannot write TensorBoard logs to " + dir + ": "
          + IoErrors.reason(e), e);
    }
  }

  /**
   * A file of this writer's own: a second writer in the same directory, second and process gets
   * a numbered name instead of truncating the first one's file.
   */
  private static Path newFile(Path dir, String stem) throws IOException {
    for (int n = 0; ; n++) {
      try {
        return Files.createFile(dir.resolve(stem + (n == 0 ? "" : "." + n) + ".graph-runner"));
      } catch (FileAlreadyExistsException taken) {
        // try the next number
      }
    }
  }

  public Path file() {
    return file;
  }

  /**
   * A restart at {@code step}: TensorBoard then drops what earlier files logged at this step and
   * after (what a killed run wrote after its last checkpoint), as it did for TF1's Supervisor.
   */
  public void sessionStart(long step) {
    write(event(step).setSessionLog(SessionLog.newBuilder()
        .setStatus(SessionLog.SessionStatus.START)));
  }

  /** The graph, for TensorBoard's Graphs tab. */
  public void graph(GraphDef graphDef) {
    write(event(0).setGraphDef(graphDef.toByteString()));
  }

  public void scalar(String tag, long step, double value) {
    summary(step, Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value));
  }

  public void histogram(String tag, long step, float[] values) {
    summary(step, Summary.Value.newBuilder().setTag(tag).setHisto(HistogramBuckets.of(values)));
  }

  /**
   * A picture, stored as PNG. The colorspace is the image's channel count (1 gray, 2 gray + alpha,
   * 3 RGB, 4 RGBA), which is also what the PNG encoder writes.
   */
  public void image(String tag, long step, BufferedImage image) {
    summary(step, Summary.Value.newBuilder().setTag(tag).setImage(Summary.Image.newBuilder()
        .setHeight(image.getHeight()).setWidth(image.getWidth())
        .setColorspace(image.getColorModel().getNumComponents())
        .setEncodedImageString(ByteString.copyFrom(png(image)))));
  }

  /** The image encoded as PNG, in memory. */
  public static byte[] png(BufferedImage image) {
    var png = new ByteArrayOutputStream();
    // in memory, without ImageIO's temporary cache file, which its shutdown hook deletes
    ImageIO.setUseCache(false);
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalArgumentException("no PNG encoder for image type " + image.getType());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream: not an I/O failure of ours
    }
    return png.toByteArray();
  }

  public void flush() {
    try {
      stream.flush();
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private void summary(long step, Summary.Value.Builder value) {
    write(event(step).setSummary(Summary.newBuilder().addValue(value)));
  }

  private static Event.Builder event(long step) {
    return Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0).setStep(step);
  }

  private void write(Event.Builder event) {
    try {
      records.write(event.build().toByteArray());
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private UnwritableOutput ioError(IOException e) {
    return new UnwritableOutput("cannot write " + file + ": " + IoErrors.reason(e), e);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
