package graphrunner.report;

import java.util.List;

/**
 * Everything the report says, before it is rendered as HTML or as a notebook.
 *
 * @param title says "quick run" for {@code reproduce --quick}: such a report is not a reproduction
 * @param rows one per experiment, for results.csv and results.json
 */
public record Report(String title, String subtitle, List<Section> sections, List<ResultRow> rows) {}
