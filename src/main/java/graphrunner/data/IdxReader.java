package graphrunner.data;

import graphrunner.CorruptData;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST container format), gzip-compressed or raw. Compression is detected
 * from the gzip magic bytes, not the file name, because users rename and recompress these files.
 * Every defect becomes a one-line {@link CorruptData} naming the file.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int GZIP_MAGIC = 0x1f8b;
  /** Java arrays cannot be longer; larger files are certainly not MNIST-like data. */
  private static final long MAX_BODY = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads a label file: one dimension, one unsigned byte per label. */
  public static byte[] readLabels(Path file) {
    return readLabels(file, null);
  }

  /** As {@link #readLabels(Path)}, with the file's uncompressed bytes added to {@code digest}. */
  public static byte[] readLabels(Path file, MessageDigest digest) {
    return read(file, 1, digest).body();
  }

  /** Reads an image file: three dimensions {@code [count][rows][cols]} of unsigned bytes. */
  public static IdxImages readImages(Path file) {
    return readImages(file, null);
  }

  /** As {@link #readImages(Path)}, with the file's uncompressed bytes added to {@code digest}. */
  public static IdxImages readImages(Path file, MessageDigest digest) {
    Body body = read(file, 3, digest);
    return new IdxImages(body.dims()[0], body.dims()[1], body.dims()[2], body.body());
  }

  private record Body(int[] dims, byte[] body) {}

  private static Body read(Path file, int expectedDims, MessageDigest digest) {
    try (InputStream opened = open(file);
        InputStream in = digest == null ? opened : new DigestInputStream(opened, digest)) {
      DataInputStream data = new DataInputStream(in);
      int[] dims = readHeader(file, data, expectedDims);
      return new Body(dims, readBody(file, data, dims));
    } catch (NoSuchFileException e) {
      throw fail(file, "no such file");
    } catch (ZipException e) {
      throw fail(file, "corrupt gzip data (" + e.getMessage() + ")");
    } catch (EOFException e) {
      throw fail(file, "gzip stream ends early (file truncated?)");
    } catch (IOException e) {
      throw fail(file, "cannot read (" + e + ")");
    }
  }

  /**
   * Opens the file, unwrapping gzip when the first two bytes say so (also what the data set's
   * checksum reads).
   */
  static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      raw.mark(2);
      int magic = (raw.read() << 8) | raw.read();
      raw.reset();
      return magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static int[] readHeader(Path file, DataInputStream in, int expectedDims) throws IOException {
    byte[] magic = new byte[4];
    if (in.readNBytes(magic, 0, 4) < 4) {
      throw fail(file, "too short for an IDX header (file empty or truncated)");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw fail(file, String.format("not an IDX file (magic bytes %02x %02x, expected 00 00)", magic[0], magic[1]));
    }
    if (magic[2] != UNSIGNED_BYTE) {
      throw fail(file, String.format("IDX data type 0x%02x is not supported (only 0x08, unsigned byte)", magic[2]));
    }
    if (magic[3] != expectedDims) {
      throw fail(file, "has " + magic[3] + " dimensions, expected " + expectedDims
          + (expectedDims == 1 ? " (a label file)" : " (an image file)"));
    }
    int[] dims = new int[expectedDims];
    for (int i = 0; i < expectedDims; i++) {
      if (in.readNBytes(magic, 0, 4) < 4) {
        throw fail(file, "IDX header truncated (dimension " + (i + 1) + " of " + expectedDims + " missing)");
      }
      dims[i] = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
      if (dims[i] <= 0) {
        throw fail(file, "dimension " + (i + 1) + " is " + dims[i] + ", must be positive");
      }
    }
    return dims;
  }

  private static byte[] readBody(Path file, DataInputStream in, int[] dims) throws IOException {
    long expected = 1;
    for (int d : dims) {
      expected *= d;
      if (expected > MAX_BODY) {
        throw fail(file, "declares more than " + MAX_BODY + " bytes of data; not a plausible image file");
      }
    }
    byte[] body = new byte[(int) expected];
    int found = in.readNBytes(body, 0, body.length);
    if (found < expected) {
      throw fail(file, "truncated: expected " + expected + " data bytes, found " + found);
    }
    if (in.read() != -1) {
      long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
      throw fail(file, "has " + extra + " unexpected trailing bytes after the " + expected + " data bytes");
    }
    return body;
  }

  private static CorruptData fail(Path file, String what) {
    return new CorruptData(file + ": " + what);
  }
}
