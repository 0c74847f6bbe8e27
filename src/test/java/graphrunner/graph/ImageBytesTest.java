package graphrunner.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphrunner.experiments.Catalogue;
import graphrunner.experiments.Experiment;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** Training feeds bytes; the graph must see exactly the floats evaluation and serving feed. */
class ImageBytesTest {

  @Test
  void xIsEachByteOver255ExactlyAsJavaComputesIt() {
    Experiment fc5 = Catalogue.experiment("fc5-relu-decay");
    try (Graph graph = new Graph()) {
      Model model = fc5.build(Ops.create(graph), new Seeds(1), fc5.defaults());
      byte[] bytes = new byte[784];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (i % 256);
      }
      try (Session session = new Session(graph);
          TUint8 fed = TUint8.tensorOf(Shape.of(1, 28, 28, 1))) {
        fed.asRawTensor().data().write(bytes);
        try (Result r = session.runner().feed(model.imageBytes(), fed).fetch(model.images())
            .run()) {
          float[] x = new float[784];
          ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(x);
          for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToIntBits((i % 256) / 255f), Float.floatToIntBits(x[i]),
                "byte " + (i % 256));
          }
        }
      }
    }
  }
}
