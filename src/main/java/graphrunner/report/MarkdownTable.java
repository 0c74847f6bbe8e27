package graphrunner.report;

import java.util.List;

/** A {@link Block.Table} as a GitHub-flavoured Markdown table. */
final class MarkdownTable {
  private MarkdownTable() {}

  static String of(Block.Table table) {
    var md = new StringBuilder(row(table.headers()));
    md.append("|").append("---|".repeat(table.headers().size())).append("\n");
    table.rows().forEach(r -> md.append(row(r)));
    return md.toString();
  }

  private static String row(List<String> cells) {
    var md = new StringBuilder("|");
    cells.forEach(c -> md.append(' ').append(c.replace("|", "\\|")).append(" |"));
    return md.append("\n").toString();
  }
}
