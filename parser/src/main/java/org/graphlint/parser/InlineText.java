package org.graphlint.parser;

import org.jsoup.parser.Parser;

/** Markdown inline text to plain text: links to their text, emphasis and code marks dropped, entities decoded. */
final class InlineText {
    private InlineText() {
    }

    static String toText(String md) {
        if (md == null || md.isEmpty()) {
            return "";
        }
        if (!hasMarkup(md)) {
            // Most cells are plain words: nothing to drop, so skip the copy.
            return collapse(md.indexOf('&') >= 0 ? Parser.unescapeEntities(md, false) : md);
        }
        StringBuilder out = new StringBuilder(md.length());
        int n = md.length();
        for (int i = 0; i < n; i++) {
            char c = md.charAt(i);
            if (c == '!' && i + 1 < n && md.charAt(i + 1) == '[') {
                continue;
            }
            if (c == '[') {
                int close = md.indexOf(']', i + 1);
                if (close > 0 && close + 1 < n && md.charAt(close + 1) == '(') {
                    int paren = md.indexOf(')', close + 2);
                    if (paren > 0) {
                        out.append(toText(md.substring(i + 1, close)));
                        i = paren;
                        continue;
                    }
                }
                if (close > 0 && close + 1 < n && md.charAt(close + 1) == '[') {
                    // a reference-style link: [text][label] or [text][]
                    int close2 = md.indexOf(']', close + 2);
                    int nextOpen = md.indexOf('[', close + 2);
                    if (close2 > 0 && (nextOpen < 0 || nextOpen > close2)) {
                        out.append(toText(md.substring(i + 1, close)));
                        i = close2;
                        continue;
                    }
                }
                out.append(c);
            } else if (c == '*' || c == '`') {
                // emphasis and code marks carry no words
            } else if (c == '\\' && i + 1 < n && "|*_`[]()\\#".indexOf(md.charAt(i + 1)) >= 0) {
                out.append(md.charAt(++i));
            } else if (c == '<') {
                int gt = md.indexOf('>', i);
                String tag = gt > 0 ? md.substring(i, gt + 1).toLowerCase(java.util.Locale.ROOT) : "";
                if (tag.startsWith("<br") || tag.startsWith("</p") || tag.startsWith("<p")) {
                    out.append(' ');
                    i = gt;
                } else if (tag.startsWith("<a ") || tag.equals("</a>") || tag.startsWith("<span") || tag.equals("</span>")
                        || tag.startsWith("<b>") || tag.startsWith("</b>") || tag.startsWith("<i>") || tag.startsWith("</i>")
                        || tag.startsWith("<code>") || tag.startsWith("</code>")) {
                    i = gt;
                } else {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        String s = out.indexOf("&") >= 0 ? Parser.unescapeEntities(out.toString(), false) : out.toString();
        return collapse(s);
    }

    /** Whether {@link #toText} has anything to rewrite besides entities and spaces ('!' matters only before '['). */
    private static boolean hasMarkup(String md) {
        for (int i = 0, n = md.length(); i < n; i++) {
            switch (md.charAt(i)) {
                case '[', '*', '`', '\\', '<' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Runs of white space (and no-break spaces) to one space, none at either end. */
    static String collapse(String s) {
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when {@link #collapse} would return the text unchanged: single ' ' between words, none at the ends. */
    private static boolean isCollapsed(String s) {
        boolean prevSpace = true;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (c != ' ' || prevSpace) {
                    return false;
                }
                prevSpace = true;
            } else {
                prevSpace = false;
            }
        }
        return !prevSpace || s.isEmpty();
    }

    /** {@code Character.isWhitespace(c) || c == '\u00A0'}, with the ASCII cases decided without a table look-up. */
    private static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return c == '\u00A0' || Character.isWhitespace(c);
    }

    /** The target of the first markdown link in the text, or null. */
    static String firstLinkTarget(String md) {
        int i = md.indexOf("](");
        while (i >= 0) {
            int close = md.indexOf(')', i + 2);
            if (close < 0) {
                return null;
            }
            String target = md.substring(i + 2, close).strip();
            int sp = target.indexOf(' ');
            if (sp > 0) {
                target = target.substring(0, sp);
            }
            if (!target.isEmpty()) {
                return target;
            }
            i = md.indexOf("](", close);
        }
        return null;
    }

    /**
     * The label of the first reference-style link ({@code [audio][]} is {@code audio}, {@code [text][label]} is
     * {@code label}), lower case as markdown compares labels, or null.
     */
    static String firstReferenceLabel(String md) {
        int i = md.indexOf("][");
        while (i >= 0) {
            int open = md.lastIndexOf('[', i - 1);
            int close2 = md.indexOf(']', i + 2);
            if (open < 0 || close2 < 0) {
                return null;
            }
            String label = md.substring(i + 2, close2).strip();
            if (label.isEmpty()) {
                label = md.substring(open + 1, i).strip();
            }
            if (!label.isEmpty() && label.indexOf('[') < 0) {
                return collapse(label).toLowerCase(java.util.Locale.ROOT);
            }
            i = md.indexOf("][", close2);
        }
        return null;
    }

    /** The text of the first markdown link, or null. */
    static String firstLinkText(String md) {
        int i = md.indexOf("](");
        if (i < 0) {
            return null;
        }
        int open = md.lastIndexOf('[', i);
        return open < 0 ? null : toText(md.substring(open + 1, i));
    }
}
