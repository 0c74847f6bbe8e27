package graphrunner.report;

/**
 * One experiment's line in results.csv / results.json.
 *
 * @param slide the slide's figure as a fraction, NaN when the slide gives none
 * @param differencePoints (max − slide) in percentage points, NaN without a slide figure
 * @param mark {@link SlideComparison}'s verdict
 */
public record ResultRow(String experiment, String deck, double slide, double maxTestAccuracy,
    double finalTestAccuracy, double differencePoints, String mark, long steps,
    double wallSeconds, double examplesPerSecond, long seed, String device, String status,
    String runDir) {}
