package graphrunner.cluster;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Something that is not a TensorFlow server on a task's port: an HTTP/2 server answering every
 * request with 404, as a web proxy in front of an odd address does. It speaks just enough of
 * HTTP/2 (RFC 9113) for gRPC to read the answer: its settings, their acknowledgements, pings.
 */
final class NotTensorFlow implements AutoCloseable {
  private static final int HEADERS = 0x1;
  private static final int SETTINGS = 0x4;
  private static final int PING = 0x6;
  private static final int ACK = 0x1;
  private static final int END_STREAM_AND_HEADERS = 0x5;
  /** HPACK's static table entry 13, {@code :status 404}. */
  private static final byte STATUS_404 = (byte) 0x8d;
  private static final int PREFACE_BYTES = 24;

  private final ServerSocket socket;

  NotTensorFlow(int port) throws IOException {
    socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptAll);
  }

  private void acceptAll() {
    try {
      while (true) {
        Socket connection = socket.accept();
        daemon(() -> answer(connection));
      }
    } catch (IOException closed) {
      // close() ends the loop
    }
  }

  private static void answer(Socket connection) {
    try (connection) {
      var in = new DataInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      in.readNBytes(PREFACE_BYTES);
      frame(out, SETTINGS, 0, 0, new byte[0]);
      while (true) {
        int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7fffffff;
        byte[] payload = in.readNBytes(length);
        if (type == SETTINGS && (flags & ACK) == 0) {
          frame(out, SETTINGS, ACK, 0, new byte[0]);
        } else if (type == PING && (flags & ACK) == 0) {
          frame(out, PING, ACK, 0, payload);
        } else if (type == HEADERS) {
          frame(out, HEADERS, END_STREAM_AND_HEADERS, stream, new byte[] {STATUS_404});
        }
      }
    } catch (IOException gone) {
      // the client hung up
    }
  }

  private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload)
      throws IOException {
    out.write(new byte[] {(byte) (payload.length >> 16), (byte) (payload.length >> 8),
        (byte) payload.length, (byte) type, (byte) flags, (byte) (stream >> 24),
        (byte) (stream >> 16), (byte) (stream >> 8), (byte) stream});
    out.write(payload);
    out.flush();
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "not-tensorflow");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
