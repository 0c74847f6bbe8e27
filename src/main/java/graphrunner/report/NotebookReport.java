package graphrunner.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Base64;
import java.util.List;

/**
 * The report as a Jupyter notebook (nbformat 4.5) whose outputs are already embedded: each section
 * is a markdown cell with its title and text, then a code cell holding the command that
 * regenerates it and, as outputs, its tables (text/html and text/markdown) and charts (image/png).
 * It opens with its results visible, without a kernel.
 */
public final class NotebookReport {
  private NotebookReport() {}

  public static String render(Report report) {
    JsonArray cells = new JsonArray();
    cells.add(markdown("title", "# " + report.title() + "\n\n" + report.subtitle()));
    for (Section section : report.sections()) {
      cells.add(markdown(section.id() + "-text", sectionText(section)));
      cells.add(code(section.id(), commandOf(section), outputs(section.blocks())));
    }
    JsonObject notebook = new JsonObject();
    notebook.add("cells", cells);
    JsonObject metadata = new JsonObject();
    JsonObject kernel = new JsonObject();
    kernel.addProperty("name", "bash");
    kernel.addProperty("display_name", "Bash");
    metadata.add("kernelspec", kernel);
    metadata.addProperty("title", report.title());
    notebook.add("metadata", metadata);
    notebook.addProperty("nbformat", 4);
    notebook.addProperty("nbformat_minor", 5);
    // serializeNulls: a code cell's execution_count is required, and null (never run here)
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
        .toJson(notebook);
  }

  private static String sectionText(Section section) {
    var text = new StringBuilder("## " + section.title() + "\n");
    section.blocks().stream().filter(b -> b instanceof Block.Text)
        .forEach(b -> text.append("\n").append(((Block.Text) b).text()).append("\n"));
    return text.toString();
  }

  /** The section's command, or a comment when nothing regenerates it on its own. */
  private static String commandOf(Section section) {
    return section.blocks().stream().filter(b -> b instanceof Block.Command)
        .map(b -> ((Block.Command) b).line()).findFirst()
        .orElse("# made by graph-runner report from the runs above");
  }

  private static JsonArray outputs(List<Block> blocks) {
    JsonArray outputs = new JsonArray();
    for (Block block : blocks) {
      if (block instanceof Block.Table table) {
        JsonObject data = new JsonObject();
        data.add("text/html", lines(HtmlReport.render(table)));
        data.add("text/markdown", lines(MarkdownTable.of(table)));
        outputs.add(display(data));
      } else if (block instanceof Block.Figure figure) {
        JsonObject data = new JsonObject();
        data.addProperty("image/png", Base64.getEncoder().encodeToString(figure.png()));
        data.add("text/plain", lines(figure.caption()));
        outputs.add(display(data));
      }
    }
    return outputs;
  }

  private static JsonObject display(JsonObject data) {
    JsonObject output = new JsonObject();
    output.addProperty("output_type", "display_data");
    output.add("data", data);
    output.add("metadata", new JsonObject());
    return output;
  }

  private static JsonObject markdown(String id, String text) {
    JsonObject cell = new JsonObject();
    cell.addProperty("id", cellId(id));
    cell.addProperty("cell_type", "markdown");
    cell.add("metadata", new JsonObject());
    cell.add("source", lines(text));
    return cell;
  }

  private static JsonObject code(String id, String command, JsonArray outputs) {
    JsonObject cell = new JsonObject();
    cell.addProperty("id", cellId(id));
    cell.addProperty("cell_type", "code");
    cell.add("metadata", new JsonObject());
    cell.add("source", lines(command));
    cell.add("outputs", outputs);
    cell.add("execution_count", JsonNull.INSTANCE);
    return cell;
  }

  /** nbformat's multiline strings: one element per line, each keeping its newline. */
  private static JsonArray lines(String text) {
    JsonArray lines = new JsonArray();
    int from = 0;
    while (from < text.length()) {
      int end = text.indexOf('\n', from);
      end = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(from, end));
      from = end;
    }
    return lines;
  }

  /** Cell ids: 1 to 64 of letters, digits, '-' and '_'. */
  private static String cellId(String id) {
    String clean = id.replaceAll("[^A-Za-z0-9_-]", "-");
    return clean.length() <= 64 ? clean : clean.substring(0, 64);
  }
}
