package org.graphlint.convert;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON values as text: abbreviated for reports, written back in the style of the fixture they came from. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int SHORT = 60;

    private Json() {
    }

    /** Compact JSON text (written by hand: Jackson's writer costs a serialization context per call). */
    static String compact(JsonNode v) {
        StringBuilder sb = new StringBuilder(64);
        compact(v, sb);
        return sb.toString();
    }

    private static void compact(JsonNode v, StringBuilder sb) {
        if (v.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                compact(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                compact(v.get(i), sb);
            }
            sb.append(']');
        } else if (v.isString()) {
            string(v.asString(), sb);
        } else {
            scalar(v, sb);
        }
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 section 7). */
    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Compact JSON, cut at 60 characters with an ellipsis. */
    static String abbreviate(JsonNode v) {
        String s = compact(v);
        return s.length() > SHORT ? s.substring(0, SHORT) + "…" : s;
    }

    /** JSON equality, numbers by value ({@code 1} and {@code 1.0} are the same enum value). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            try {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            } catch (RuntimeException e) {
                return a.equals(b);
            }
        }
        return a.equals(b);
    }

    /** The number a string spells in its canonical JSON form (so that writing it back gives the same string); else null. */
    static JsonNode number(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        char c = s.charAt(0);
        if (c != '-' && (c < '0' || c > '9')) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(s);
            return n != null && n.isNumber() && n.toString().equals(s) ? n : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** How a fixture writes its JSON: indentation, line break, space after the colon, or all on one line. */
    record Style(String indent, String newline, String colon, boolean compact) {
        static Style of(String text) {
            String nl = text.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
            int a = 0;
            int b = text.length();
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            int firstBreak = -1;
            for (int i = a; i < b; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    firstBreak = i;
                    break;
                }
            }
            boolean oneLine = firstBreak < 0;
            String colon = text.indexOf("\" : ", a) >= 0 ? " : "
                    : text.indexOf("\": ", a) < 0 && text.indexOf("\":", a) >= 0 ? ":" : ": ";
            String indent = "  ";
            if (!oneLine) {
                // the opening line's own indentation (before the first non-blank character of its line)
                int lineStart = a;
                while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
                    lineStart--;
                }
                int base = 0;
                while (lineStart + base < a && (text.charAt(lineStart + base) == ' ' || text.charAt(lineStart + base) == '\t')) {
                    base++;
                }
                // the first indented line after it is one level in
                int i = firstBreak;
                while (i < b) {
                    while (i < b && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                        i++;
                    }
                    int k = i;
                    while (k < b && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                        k++;
                    }
                    if (k > i && k < b && text.charAt(k) != '\n' && text.charAt(k) != '\r') {
                        int depth = k - i;
                        indent = depth > base ? text.substring(i + base, k) : text.substring(i, k);
                        break;
                    }
                    while (i < b && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        i++;
                    }
                }
            }
            return new Style(indent, nl, colon, oneLine);
        }
    }

    /** The value written in a style, each line after the first prefixed with {@code margin}. */
    static String write(JsonNode v, Style style, String margin) {
        if (style.compact()) {
            return compact(v);
        }
        StringBuilder sb = new StringBuilder(1024);
        write(v, style, margin, sb);
        return sb.toString();
    }

    private static void write(JsonNode v, Style st, String margin, StringBuilder sb) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean firstOne = true;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                sb.append(firstOne ? "" : ",").append(st.newline()).append(margin).append(st.indent());
                firstOne = false;
                string(e.getKey(), sb);
                sb.append(st.colon());
                write(e.getValue(), st, margin + st.indent(), sb);
            }
            sb.append(st.newline()).append(margin).append('}');
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(st.newline()).append(margin).append(st.indent());
                write(v.get(i), st, margin + st.indent(), sb);
            }
            sb.append(st.newline()).append(margin).append(']');
        } else if (v.isString()) {
            string(v.asString(), sb);
        } else {
            scalar(v, sb);
        }
    }

    /** true, false, null, or a number as Jackson writes it (integers without a serializer call). */
    private static void scalar(JsonNode v, StringBuilder sb) {
        if (v.isBoolean()) {
            sb.append(v.asBoolean());
        } else if (v.isNull()) {
            sb.append("null");
        } else if (v.isInt() || v.isLong() || v.isShort()) {
            sb.append(v.longValue());
        } else {
            sb.append(v.toString());
        }
    }
}
