package graphrunner.report;

import java.util.List;

/**
 * One piece of a report section. The HTML page and the notebook render the same blocks, so the two
 * files cannot drift apart.
 */
public sealed interface Block {

  /** A paragraph of plain text. */
  record Text(String text) implements Block {}

  /** A table; the first row of cells lines up with {@code headers}. */
  record Table(List<String> headers, List<List<String>> rows) implements Block {}

  /** A chart or picture as PNG bytes, with the sentence that says what it shows. */
  record Figure(String caption, byte[] png) implements Block {}

  /** A shell command that regenerates what follows it. */
  record Command(String line) implements Block {}
}
