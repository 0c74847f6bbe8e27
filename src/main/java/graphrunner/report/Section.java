package graphrunner.report;

import java.util.List;

/**
 * A titled part of the report.
 *
 * @param id an anchor for links and tests: letters, digits and dashes
 */
public record Section(String id, String title, List<Block> blocks) {}
