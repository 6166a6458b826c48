package org.graphlint.parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads request, response and JSON-representation blocks. */
final class Examples {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS");

    private Examples() {
    }

    static boolean isMethod(String s) {
        return METHODS.contains(s);
    }

    /** An http block: a request or a response; null (with a diagnostic) when it is neither. */
    static Example read(String[] lines, int from, int to, int fenceLine, List<Diagnostic> diags) {
        int i = from;
        while (i < to && lines[i].isBlank()) {
            i++;
        }
        if (i >= to) {
            diags.add(Diagnostic.info("example-empty", fenceLine, "an http code block is empty"));
            return null;
        }
        String first = lines[i].strip();
        int firstLine = i + 1;
        String[] parts = firstTwoWords(first);
        Example.Kind kind;
        String method = null;
        String url = null;
        Integer status = null;
        if (parts.length >= 2 && isMethod(parts[0])) {
            kind = Example.Kind.REQUEST;
            method = parts[0];
            url = parts[1];
        } else if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
            kind = Example.Kind.RESPONSE;
            try {
                status = Integer.valueOf(parts[1]);
            } catch (NumberFormatException e) {
                diags.add(Diagnostic.warning("example-bad-status", firstLine, "response status '" + parts[1] + "' is not a number"));
            }
        } else {
            diags.add(Diagnostic.info("example-unrecognized", firstLine,
                    "an http code block starts with neither a request line nor a status line: " + Text.abbreviate(first)));
            return null;
        }
        List<Header> headers = new ArrayList<>();
        i++;
        while (i < to) {
            String h = lines[i];
            if (h.isBlank()) {
                i++;
                break;
            }
            String hs = h.strip();
            int colon = hs.indexOf(':');
            if (hs.startsWith("{") || hs.startsWith("[") || colon <= 0) {
                break;
            }
            headers.add(new Header(hs.substring(0, colon).strip(), hs.substring(colon + 1).strip()));
            i++;
        }
        return withBody(kind, method, url, status, headers, lines, i, to, firstLine, diags);
    }

    /** A JSON block under "JSON representation". */
    static Example representation(String[] lines, int from, int to, List<Diagnostic> diags) {
        return withBody(Example.Kind.REPRESENTATION, null, null, null, List.of(), lines, from, to, from, diags);
    }

    private static Example withBody(Example.Kind kind, String method, String url, Integer status, List<Header> headers,
            String[] lines, int from, int to, int line, List<Diagnostic> diags) {
        int b = from;
        while (b < to && lines[b].isBlank()) {
            b++;
        }
        int e = to;
        while (e > b && lines[e - 1].isBlank()) {
            e--;
        }
        String bodyText = b < e ? String.join("\n", java.util.Arrays.asList(lines).subList(b, e)) : "";
        int bodyLine = b < e ? b + 1 : 0;
        JsonNode body = null;
        if (!bodyText.isEmpty()) {
            try {
                body = JSON.readTree(bodyText);
            } catch (JacksonException ex) {
                int at = ex.getLocation() != null && ex.getLocation().getLineNr() > 0 ? bodyLine + ex.getLocation().getLineNr() - 1 : bodyLine;
                diags.add(Diagnostic.warning("example-body-not-json", at, "the " + kind.id() + " body is not valid JSON: "
                        + Text.abbreviate(firstLine(ex.getOriginalMessage()))));
            }
        }
        Example ex = new Example(kind, method, url, status, headers, bodyText, body, line, bodyLine);
        ex.header("Content-length").ifPresent(v -> {
            int actual = bodyText.getBytes(StandardCharsets.UTF_8).length;
            try {
                long declared = Long.parseLong(v.strip());
                if (declared != actual) {
                    diags.add(Diagnostic.warning("content-length-mismatch", line, "the " + kind.id() + " declares Content-length "
                            + declared + " but its body is " + actual + " bytes"));
                }
            } catch (NumberFormatException nfe) {
                diags.add(Diagnostic.warning("content-length-mismatch", line, "the " + kind.id() + " declares Content-length '" + v + "', not a number"));
            }
        });
        return ex;
    }

    /**
     * The first two words of a stripped, non-blank line, as {@code line.split("\\s+")} would give them (words are
     * separated by ASCII whitespace), without compiling a regex per block: length 1 when there is one word.
     */
    static String[] firstTwoWords(String line) {
        int n = line.length();
        int a = 0;
        while (a < n && !isRegexSpace(line.charAt(a))) {
            a++;
        }
        int b = a;
        while (b < n && isRegexSpace(line.charAt(b))) {
            b++;
        }
        if (b >= n) {
            return new String[] {line.substring(0, a)};
        }
        int c = b;
        while (c < n && !isRegexSpace(line.charAt(c))) {
            c++;
        }
        return new String[] {line.substring(0, a), line.substring(b, c)};
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
