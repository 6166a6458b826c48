package org.graphlint.validate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables of HTTP-client files, as the VS Code REST Client and the JetBrains HTTP client write them: {@code @name =
 * value} lines define file variables, {@code {{name}}} anywhere (URL, headers, body) is replaced by the value, and
 * values may use other variables. Variables given from outside ({@code --var name=value}) win over the file's.
 *
 * <p>Applied to a {@code .http} file's text before its requests are read: definition lines become blank lines and
 * every line keeps its number, so findings keep their lines (columns after a substitution are those of the
 * substituted text). An undefined variable is one {@code http-variable} finding naming it, at its first use, and its
 * text is left as written. Dynamic variables get fixed representative values, never random ones (a check must be
 * repeatable): {@code $guid}/{@code $uuid}/{@code $random.uuid} a GUID, {@code $timestamp} a Unix time,
 * {@code $datetime}/{@code $localDatetime}/{@code $isoTimestamp} an ISO 8601 date-time, {@code $randomInt}/
 * {@code $random.integer} 0, {@code $processEnv NAME} the environment variable; others are findings.
 */
final class HttpVariables {
    private HttpVariables() {
    }

    private static final Pattern DEFINITION = Pattern.compile("^\\s*@([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern USE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String GUID = "00000000-0000-4000-8000-000000000000";
    private static final String DATE_TIME = "2021-01-01T00:00:00Z";

    /**
     * The text with definitions blanked and uses replaced; findings (request 0, with line and column) go to
     * {@code out}. Text without {@code @} definitions or {@code {{} is returned as it is.
     */
    static String apply(String text, Map<String, String> given, List<Finding> out) {
        if (text.indexOf("{{") < 0 && text.indexOf('@') < 0) {
            return text;
        }
        String[] lines = text.split("(?<=\\r\\n|\\n|\\r(?!\\n))", -1);
        Map<String, String> defined = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String body = stripBreak(lines[i]);
            Matcher m = DEFINITION.matcher(body);
            if (m.matches()) {
                defined.put(m.group(1), m.group(2));
                lines[i] = lines[i].substring(body.length()); // the line break only
            }
        }
        defined.putAll(given);
        Set<String> reported = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.indexOf("{{") < 0) {
                sb.append(line);
                continue;
            }
            Matcher m = USE.matcher(line);
            int last = 0;
            while (m.find()) {
                sb.append(line, last, m.start());
                String name = m.group(1);
                String value = resolve(name, defined, 0);
                if (value == null) {
                    sb.append(m.group());
                    if (reported.add(name)) {
                        out.add(new Finding(null, 0, i + 1, m.start() + 1, null, "http-variable", Severity.ERROR,
                                Category.HTTP, undefined(name), null));
                    }
                } else {
                    sb.append(value);
                }
                last = m.end();
            }
            sb.append(line, last, line.length());
        }
        return sb.toString();
    }

    private static String undefined(String name) {
        if (name.startsWith("$")) {
            return "unsupported dynamic variable {{" + name + "}}: pass its value with --var '" + name + "=VALUE'";
        }
        if (name.contains(".response.") || name.contains(".request.")) {
            return "request variable {{" + name + "}} needs the response of another request; pass a value with --var "
                    + name + "=VALUE";
        }
        return "undefined variable {{" + name + "}}: define it in the file ('@" + name + " = value') or pass --var "
                + name + "=VALUE";
    }

    /** A variable's value with the variables it uses replaced; null when it (or one it uses) is undefined. */
    private static String resolve(String name, Map<String, String> defined, int depth) {
        if (depth > 16) {
            return null; // a cycle
        }
        String v = defined.get(name);
        if (v == null) {
            return name.startsWith("$") ? dynamic(name) : null;
        }
        if (v.indexOf("{{") < 0) {
            return v;
        }
        Matcher m = USE.matcher(v);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String inner = resolve(m.group(1), defined, depth + 1);
            if (inner == null) {
                return null;
            }
            sb.append(v, last, m.start()).append(inner);
            last = m.end();
        }
        return sb.append(v, last, v.length()).toString();
    }

    private static String dynamic(String name) {
        String[] parts = name.substring(1).strip().split("\\s+");
        String fn = parts[0].toLowerCase(Locale.ROOT);
        int paren = fn.indexOf('(');
        if (paren >= 0) {
            fn = fn.substring(0, paren);
        }
        return switch (fn) {
            case "guid", "uuid", "random.uuid" -> GUID;
            case "timestamp" -> "1609459200";
            case "isotimestamp" -> DATE_TIME;
            case "datetime", "localdatetime" -> parts.length > 1 && parts[1].equalsIgnoreCase("rfc1123")
                    ? "Fri, 01 Jan 2021 00:00:00 GMT" : DATE_TIME;
            case "randomint", "random.integer" -> "0";
            case "processenv" -> parts.length > 1 ? System.getenv(parts[1].startsWith("%") ? parts[1].substring(1) : parts[1]) : null;
            default -> null;
        };
    }

    private static String stripBreak(String line) {
        int n = line.length();
        while (n > 0 && (line.charAt(n - 1) == '\n' || line.charAt(n - 1) == '\r')) {
            n--;
        }
        return line.substring(0, n);
    }
}
