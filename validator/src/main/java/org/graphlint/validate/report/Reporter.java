package org.graphlint.validate.report;

import java.util.Locale;

/** Renders a run in one output format. */
public interface Reporter {
    /** Appends the whole rendering to {@code out}. */
    void write(Run run, StringBuilder out);

    /** The reporter for {@code text}, {@code json}, {@code junit}, {@code sarif} or {@code github}. */
    static Reporter forFormat(String format, boolean colour) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReporter(colour);
            case "json" -> new JsonReporter();
            case "junit" -> new JunitReporter();
            case "sarif" -> new SarifReporter();
            case "github" -> new GithubReporter();
            default -> throw new IllegalArgumentException(
                    "unknown --format '" + format + "': use text, json, junit, sarif or github");
        };
    }
}
