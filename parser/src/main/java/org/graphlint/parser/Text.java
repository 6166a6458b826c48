package org.graphlint.parser;

/** The text helpers of graphlint's messages, in one place: every module below the command line uses these. */
public final class Text {
    private Text() {
    }

    /** The first line of a message, stripped; "(no message)" for null or blank. */
    public static String oneLine(String m) {
        if (m == null || m.isBlank()) {
            return "(no message)";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m.strip() : m.substring(0, nl).strip();
    }

    /** A throwable's message on one line; its class's simple name when it has no message. */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        return oneLine(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /** A text quoted in a message: on one line, at most 80 characters ("..." where cut). */
    public static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }

    /** A text quoted in a finding: its first {@code max} characters and "…" when it is longer. */
    public static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
