package graphrunner.report;

import java.util.Base64;
import java.util.List;

/**
 * The report as one self-contained HTML page: styles inline, images as {@code data:} URIs, no
 * script and nothing fetched from the network, so it opens the same offline and years later.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:sans-serif;max-width:1300px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}
      th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
      th{background:#f3f3f3} pre{background:#f6f8fa;padding:.6em;overflow-x:auto}
      figure{display:inline-block;margin:.5em 1em .5em 0} figcaption{font-size:.85em;color:#555}
      nav a{margin-right:1em} .quick{background:#fff3cd;border:1px solid #e0c060;padding:.6em}
      """;

  private HtmlReport() {}

  public static String render(Report report) {
    var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n<title>" + escape(report.title()) + "</title>\n<style>"
        + STYLE + "</style>\n</head>\n<body>\n");
    html.append("<h1").append(report.title().contains("QUICK") ? " class=\"quick\"" : "")
        .append('>').append(escape(report.title())).append("</h1>\n<p>")
        .append(escape(report.subtitle())).append("</p>\n<nav>");
    for (Section section : report.sections()) {
      html.append("<a href=\"#").append(section.id()).append("\">").append(escape(section.title()))
          .append("</a> ");
    }
    html.append("</nav>\n");
    for (Section section : report.sections()) {
      html.append("<section id=\"").append(section.id()).append("\">\n<h2>")
          .append(escape(section.title())).append("</h2>\n");
      section.blocks().forEach(block -> html.append(render(block)));
      html.append("</section>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /** One block as HTML; shared with the notebook's text/html outputs. */
  static String render(Block block) {
    if (block instanceof Block.Text t) {
      return "<p>" + escape(t.text()) + "</p>\n";
    }
    if (block instanceof Block.Command c) {
      return "<pre><code>" + escape(c.line()) + "</code></pre>\n";
    }
    if (block instanceof Block.Figure f) {
      return "<figure><img alt=\"" + escape(f.caption()) + "\" src=\"data:image/png;base64,"
          + Base64.getEncoder().encodeToString(f.png()) + "\"><figcaption>"
          + escape(f.caption()) + "</figcaption></figure>\n";
    }
    Block.Table t = (Block.Table) block;
    return table(t.headers(), t.rows());
  }

  private static String table(List<String> headers, List<List<String>> rows) {
    var html = new StringBuilder("<table>\n<tr>");
    headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
