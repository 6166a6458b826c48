package org.graphlint.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The report formats of {@code validate --format} and {@code --report FORMAT=FILE} (any letter case on input). */
enum ReportFormat {
    TEXT, JSON, JUNIT, SARIF, GITHUB;

    /** The spelling on the command line and in reports: {@code text}, {@code sarif}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ids, in declaration order. */
    static Set<String> ids() {
        Set<String> s = new LinkedHashSet<>();
        for (ReportFormat f : values()) {
            s.add(f.id());
        }
        return s;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static ReportFormat parse(String s) {
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(s)) {
                return f;
            }
        }
        List<String> ids = new ArrayList<>(ids());
        throw new IllegalArgumentException("unknown --format '" + s + "': use "
                + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1));
    }
}
