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
        StringBuilder sb = new StringBuilder();
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
            sb.append(v.toString()); // numbers, booleans, null: Jackson's own text
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
            String nl = text.contains("\r\n") ? "\r\n" : "\n";
            String body = text.strip();
            boolean oneLine = body.indexOf('\n') < 0 && body.indexOf('\r') < 0;
            String colon = body.contains("\" : ") ? " : " : body.contains("\":") && !body.contains("\": ") ? ":" : ": ";
            String indent = "  ";
            String[] lines = body.split("\r\n|\n|\r");
            for (int i = 1; i < lines.length; i++) {
                String l = lines[i];
                int k = 0;
                while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) {
                    k++;
                }
                if (k > 0 && k < l.length()) {
                    // the first indented line is one level in, relative to the opening line's own indentation
                    String first = lines[0];
                    int base = 0;
                    while (base < first.length() && (first.charAt(base) == ' ' || first.charAt(base) == '\t')) {
                        base++;
                    }
                    indent = k > base ? l.substring(base, k) : l.substring(0, k);
                    break;
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
        StringBuilder sb = new StringBuilder();
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
        } else {
            compact(v, sb);
        }
    }
}
