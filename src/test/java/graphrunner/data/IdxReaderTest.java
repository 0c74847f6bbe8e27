package graphrunner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphrunner.CorruptData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private static byte[] imageBody(int count) {
    byte[] body = new byte[count * 28 * 28];
    new Random(7).nextBytes(body);
    return body;
  }

  private CorruptData readImagesFails(Path file) {
    CorruptData error = assertThrows(CorruptData.class, () -> IdxReader.readImages(file));
    assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    assertTrue(!error.getMessage().contains("\n"), "one line: " + error.getMessage());
    return error;
  }

  @Test
  void readsGzipAndRawIdxAlike() {
    byte[] file = TinyIdx.idx(new int[] {3, 28, 28}, imageBody(3));
    // Names lie on purpose: compression is detected from the content.
    Path gz = dir.resolve("images-without-suffix");
    Path raw = dir.resolve("images.gz");
    TinyIdx.writeGzip(gz, file);
    TinyIdx.writeRaw(raw, file);

    IdxImages fromGz = IdxReader.readImages(gz);
    IdxImages fromRaw = IdxReader.readImages(raw);

    assertEquals(3, fromGz.count());
    assertEquals(28, fromGz.rows());
    assertEquals(28, fromGz.cols());
    assertArrayEquals(imageBody(3), fromGz.pixels());
    assertArrayEquals(fromGz.pixels(), fromRaw.pixels());
  }

  @Test
  void readsLabelsAsUnsignedBytes() {
    Path file = dir.resolve("labels.gz");
    TinyIdx.writeLabels(file, 0, 9, 255);
    assertArrayEquals(new byte[] {0, 9, (byte) 255}, IdxReader.readLabels(file));
  }

  @Test
  void rejectsTruncatedImageFile() {
    byte[] whole = TinyIdx.idx(new int[] {2, 28, 28}, imageBody(2));
    Path file = dir.resolve("train-images-idx3-ubyte.gz");
    TinyIdx.writeGzip(file, Arrays.copyOf(whole, whole.length - 100));
    CorruptData error = readImagesFails(file);
    assertTrue(error.getMessage().contains("expected 1568 data bytes, found 1468"), error.getMessage());
  }

  @Test
  void rejectsTruncatedGzipStream() {
    byte[] gz = TinyIdx.gzip(TinyIdx.idx(new int[] {2, 28, 28}, imageBody(2)));
    Path file = dir.resolve("cut.gz");
    TinyIdx.writeRaw(file, Arrays.copyOf(gz, gz.length / 2));
    readImagesFails(file);
  }

  @Test
  void rejectsCorruptGzipData() {
    byte[] gz = TinyIdx.gzip(TinyIdx.idx(new int[] {2, 28, 28}, imageBody(2)));
    for (int i = 20; i < 60; i++) {
      gz[i] = (byte) 0xFF;
    }
    Path file = dir.resolve("corrupt.gz");
    TinyIdx.writeRaw(file, gz);
    readImagesFails(file);
  }

  @Test
  void rejectsTrailingGarbage() {
    byte[] whole = TinyIdx.idx(new int[] {1, 28, 28}, imageBody(1));
    Path file = dir.resolve("long.gz");
    TinyIdx.writeGzip(file, Arrays.copyOf(whole, whole.length + 5));
    CorruptData error = readImagesFails(file);
    assertTrue(error.getMessage().contains("5 unexpected trailing bytes"), error.getMessage());
  }

  @Test
  void rejectsWrongMagic() {
    byte[] bytes = TinyIdx.idx(new int[] {1, 28, 28}, imageBody(1));
    bytes[0] = 0x50;
    Path file = dir.resolve("notidx");
    TinyIdx.writeRaw(file, bytes);
    assertTrue(readImagesFails(file).getMessage().contains("not an IDX file"));
  }

  @Test
  void rejectsDataTypesOtherThanUnsignedByte() {
    byte[] bytes = TinyIdx.idx(new int[] {1, 28, 28}, imageBody(1));
    bytes[2] = 0x0D; // float
    Path file = dir.resolve("floats");
    TinyIdx.writeRaw(file, bytes);
    assertTrue(readImagesFails(file).getMessage().contains("0x0d is not supported"));
  }

  @Test
  void rejectsLabelFileWhereImagesAreExpected() {
    Path file = dir.resolve("labels.gz");
    TinyIdx.writeLabels(file, 1, 2, 3);
    assertTrue(readImagesFails(file).getMessage().contains("has 1 dimensions, expected 3"));
  }

  @Test
  void rejectsImageFileWhereLabelsAreExpected() {
    Path file = dir.resolve("images.gz");
    TinyIdx.writeGzip(file, TinyIdx.idx(new int[] {1, 28, 28}, imageBody(1)));
    CorruptData error = assertThrows(CorruptData.class, () -> IdxReader.readLabels(file));
    assertTrue(error.getMessage().contains("has 3 dimensions, expected 1"), error.getMessage());
  }

  @Test
  void rejectsZeroSizedDimension() {
    Path file = dir.resolve("empty-images.gz");
    TinyIdx.writeGzip(file, TinyIdx.idx(new int[] {0, 28, 28}, new byte[0]));
    assertTrue(readImagesFails(file).getMessage().contains("must be positive"));
  }

  @Test
  void rejectsImplausiblyLargeDeclaredSize() {
    Path file = dir.resolve("huge");
    TinyIdx.writeRaw(file, TinyIdx.idx(new int[] {Integer.MAX_VALUE, 28, 28}, new byte[10]));
    assertTrue(readImagesFails(file).getMessage().contains("not a plausible image file"));
  }

  @Test
  void rejectsEmptyFile() {
    Path file = dir.resolve("empty");
    TinyIdx.writeRaw(file, new byte[0]);
    assertTrue(readImagesFails(file).getMessage().contains("too short for an IDX header"));
  }

  @Test
  void rejectsTruncatedHeader() {
    Path file = dir.resolve("header-only");
    TinyIdx.writeRaw(file, new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
    assertTrue(readImagesFails(file).getMessage().contains("header truncated"));
  }

  @Test
  void reportsMissingFileAsDataError() {
    Path file = dir.resolve("absent.gz");
    assertTrue(readImagesFails(file).getMessage().endsWith("no such file"));
  }
}
