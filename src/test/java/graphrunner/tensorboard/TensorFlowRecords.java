package graphrunner.tensorboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Reads a TFRecord file with TensorFlow's own reader ({@code TFRecordDataset} through an
 * iterator), not with graph-runner's: TensorFlow checks both masked CRC32Cs of every record
 * natively and fails with a data-loss error on a wrong one, so files that pass here are files
 * TensorBoard reads.
 */
public final class TensorFlowRecords {
  private TensorFlowRecords() {}

  /** Every record of {@code file}, in order; a TensorFlowException (DATA_LOSS) on a bad CRC. */
  public static List<byte[]> read(Path file) {
    List<Class<? extends TType>> types = List.of(TString.class);
    List<Shape> shapes = List.of(Shape.scalar());
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      // TF1's TFRecordDataset: TF 2.18 cannot serialize the V2 op that tf.data.tfRecordDataset
      // builds ("3 inputs specified of 4"), which MakeIterator does before it starts
      Output<TType> dataset = graph.opBuilder("TFRecordDataset", "records", tf.scope())
          .addInput(tf.array(file.toString()).asOutput())
          .addInput(tf.constant("").asOutput())
          .addInput(tf.constant(0L).asOutput())
          .build().output(0);
      var iterator = tf.data.iterator("records", "", types, shapes);
      var start = tf.data.makeIterator(dataset, iterator);
      var next = tf.data.iteratorGetNext(iterator, types, shapes).components().get(0);
      session.runner().addTarget(start).run().close();
      List<byte[]> records = new ArrayList<>();
      while (true) {
        try (Result result = session.runner().fetch(next).run()) {
          records.add(((TString) result.get(0)).asBytes().getObject());
        } catch (TFOutOfRangeException end) {
          return records;
        }
      }
    }
  }

  /** The records of {@code file} as read by TensorFlow, each parsed as an {@link Event}. */
  public static List<Event> events(Path file) throws Exception {
    List<Event> events = new ArrayList<>();
    for (byte[] record : read(file)) {
      events.add(Event.parseFrom(record));
    }
    return events;
  }
}
