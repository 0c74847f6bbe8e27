package graphrunner.data;

import graphrunner.CorruptData;
import graphrunner.fs.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One SHA-256 over the uncompressed content of a data set's four files, in {@link SplitFile}
 * order. Taken on the IDX bytes, not the {@code .gz} files, so a recompressed copy (Debian's
 * {@code dataset-fashion-mnist} package ships one) has the same checksum as the published files:
 * two runs with equal checksums saw the same images and labels.
 */
public final class DatasetChecksum {
  private DatasetChecksum() {}

  public static String sha256(DatasetFiles files) {
    MessageDigest digest = newDigest();
    for (SplitFile split : SplitFile.values()) {
      Path file = files.get(split);
      try (InputStream in = new DigestInputStream(IdxReader.open(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new CorruptData(file + ": cannot read for its checksum ("
            + IoErrors.reason(e) + ")", e);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
