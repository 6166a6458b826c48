package org.graphlint.schema;

/** Small text helpers shared by the schema package. */
final class GraphlintText {
    private GraphlintText() {
    }

    /** The first line of a message, stripped; "(no message)" for null. */
    static String oneLine(String m) {
        if (m == null || m.isBlank()) {
            return "(no message)";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m.strip() : m.substring(0, nl).strip();
    }
}
