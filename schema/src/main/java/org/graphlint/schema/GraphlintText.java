package org.graphlint.schema;

/** The schema package's name for the parser module's {@link org.graphlint.parser.Text} helpers. */
final class GraphlintText {
    private GraphlintText() {
    }

    /** The first line of a message, stripped; "(no message)" for null (see {@link org.graphlint.parser.Text#oneLine}). */
    static String oneLine(String m) {
        return org.graphlint.parser.Text.oneLine(m);
    }
}
