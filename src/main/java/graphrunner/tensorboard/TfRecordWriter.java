package graphrunner.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Writes TFRecord framing, the container of TensorBoard event files: for each record, the length
 * as uint64, the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the data, all
 * little-endian.
 */
final class TfRecordWriter {
  private static final int MASK_DELTA = 0xa282ead8;
  private final OutputStream out;

  TfRecordWriter(OutputStream out) {
    this.out = out;
  }

  void write(byte[] data) throws IOException {
    byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(data.length).array();
    out.write(length);
    out.write(littleEndian(maskedCrc32c(length)));
    out.write(data);
    out.write(littleEndian(maskedCrc32c(data)));
  }

  /** TensorFlow's masked CRC32C: rotated right by 15 bits, plus a constant. */
  static int maskedCrc32c(byte[] bytes) {
    var crc = new CRC32C();
    crc.update(bytes);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }

  private static byte[] littleEndian(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
