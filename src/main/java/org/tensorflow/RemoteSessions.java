package org.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * The one seam between graph-runner and TensorFlow Java's internals: a {@link Session} on a remote
 * target such as {@code grpc://127.0.0.1:2222}. TF Java 1.1.0 only opens in-process sessions; the
 * C API can set a target, and the package-private {@code Session(Graph, TF_Session)} wraps the
 * result. That constructor leaves auto-initialisation off, which a worker that must not reset the
 * shared variables relies on.
 *
 * <p>It lives in package {@code org.tensorflow} for that constructor and {@code Graph.ref()} alone;
 * everything else about clusters is in {@code graphrunner.cluster}.
 */
public final class RemoteSessions {
  private RemoteSessions() {}

  /**
   * Opens a session on {@code target} (a TensorFlow server's {@code grpc://host:port}) for
   * {@code graph}; the caller closes it.
   */
  public static Session open(Graph graph, String target, ConfigProto config) {
    try (Graph.Reference ref = graph.ref(); PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      TF_SetTarget(options, target);
      BytePointer configBytes = new BytePointer(config.toByteArray());
      TF_SetConfig(options, configBytes, configBytes.capacity(), status);
      status.throwExceptionIfNotOK();
      TF_Session handle = TF_Session.newSession(ref.nativeHandle(), options, status);
      status.throwExceptionIfNotOK();
      // the session outlives this pointer scope; Session.close() releases this reference
      return new Session(graph, handle.retainReference());
    }
  }

  /**
   * Tells {@code session} that the graph's initialisers have run, though not through it: in a
   * cluster the chief initialises the shared variables, and a worker that ran them again would
   * reset what the others have trained. (Without this, TF Java refuses to run a graph whose
   * initialisers this session has not run.)
   */
  public static void markInitializedElsewhere(Session session) {
    session.markAllInitializersAsRan();
  }
}
