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

    static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
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

    /** The text of the first markdown link, or null. */
    static String firstLinkText(String md) {
        int i = md.indexOf("](");
        if (i < 0) {
            return null;
        }
        int open = md.lastIndexOf('[', i);
        return open < 0 ? null : toText(md.substring(open + 1, i));
    }

    static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z' || c0 == '_' || c0 == '@')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '@')) {
                return false;
            }
        }
        return true;
    }
}
