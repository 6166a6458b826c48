package org.graphlint.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP-client file ({@code .http}, {@code .rest}) in the docs' own request form: a request line, headers, a blank
 * line and a JSON body; several requests separated by lines starting with {@code ###}. Lines starting with {@code #}
 * or {@code //} before the request line are comments.
 */
final class HttpFile {

    private static final Pattern REQUEST_LINE =
            Pattern.compile("^([A-Za-z]+)\\s+(\\S+)(?:\\s+HTTP/\\d(?:\\.\\d)?)?\\s*$");
    private static final Pattern HEADER = Pattern.compile("^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\\s*:\\s*(.*?)\\s*$");

    private HttpFile() {
    }

    record Header(String name, String value, int line) {
    }

    /**
     * One request. {@code body} is the text after the blank line up to the last non-blank line of the block, with the
     * file's own line breaks; {@code bodyLine} is the 1-based line where it starts.
     */
    record Request(int index, int line, String method, String url, List<Header> headers, String body, int bodyLine,
            Finding problem) {

        Header header(String name) {
            for (Header h : headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    return h;
                }
            }
            return null;
        }

        boolean hasBody() {
            return body != null && !body.isBlank();
        }
    }

    /**
     * The file a body names instead of holding JSON, as HTTP-client files write it ({@code < ./body.json}, or
     * {@code <@ ./body.json}, which substitutes variables in it): the path ("" when the line names none), or null when
     * the body is not such a line.
     */
    static String bodyFile(String body) {
        if (body == null) {
            return null;
        }
        String b = body.strip();
        if (!b.startsWith("<") || b.indexOf('\n') >= 0 || b.indexOf('\r') >= 0) {
            return null;
        }
        // "" for a '<' line naming no file: said as such, not read as JSON starting with '<'
        return (b.startsWith("<@") ? b.substring(2) : b.substring(1)).strip();
    }

    static List<Request> parse(String text) {
        TextLines lines = TextLines.of(text);
        List<Request> out = new ArrayList<>();
        int i = 0;
        int n = lines.count();
        while (i < n) {
            // one block: up to the next ### line
            int blockEnd = i;
            while (blockEnd < n && !(blockEnd > i && lines.line(blockEnd).startsWith("###"))) {
                blockEnd++;
            }
            int j = i;
            if (lines.line(j).startsWith("###")) {
                j++;
            }
            while (j < blockEnd && isSkippable(lines.line(j))) {
                j++;
            }
            if (j < blockEnd) {
                out.add(request(lines, out.size() + 1, j, blockEnd));
            }
            i = blockEnd;
        }
        return out;
    }

    private static boolean isSkippable(String l) {
        String t = l.strip();
        return t.isEmpty() || t.startsWith("#") || t.startsWith("//");
    }

    private static Request request(TextLines lines, int index, int first, int blockEnd) {
        String rl = lines.line(first).strip();
        int lineNo = first + 1;
        Matcher m = REQUEST_LINE.matcher(rl);
        String method;
        String url;
        if (m.matches()) {
            method = m.group(1).toUpperCase(Locale.ROOT);
            url = m.group(2);
        } else if (!rl.contains(" ") && (rl.startsWith("/") || rl.startsWith("http") || rl.startsWith("{{"))) {
            method = "GET";
            url = rl;
        } else {
            return new Request(index, lineNo, null, null, List.of(), null, 0, SourceText.input(lineNo, 1, "http-syntax",
                    "expected a request line 'METHOD URL [HTTP/1.1]', found '" + abbreviate(rl) + "'"));
        }
        int k = first + 1;
        // continuation lines of the URL (indented query parts) are folded in
        while (k < blockEnd && !lines.line(k).isEmpty() && Character.isWhitespace(lines.line(k).charAt(0))
                && (lines.line(k).strip().startsWith("?") || lines.line(k).strip().startsWith("&"))) {
            url += lines.line(k).strip();
            k++;
        }
        List<Header> headers = new ArrayList<>();
        while (k < blockEnd && !lines.line(k).isBlank()) {
            String hl = lines.line(k);
            if (!isSkippable(hl) || hl.isBlank()) {
                Matcher h = HEADER.matcher(hl);
                if (!h.matches()) {
                    // No blank line between headers and body (a common slip): treat the rest as body.
                    if (hl.strip().startsWith("{") || hl.strip().startsWith("[")) {
                        break;
                    }
                    return new Request(index, lineNo, method, url, headers, null, 0, SourceText.input(k + 1, 1, "http-syntax",
                            "expected a header 'Name: value' or a blank line before the body, found '" + abbreviate(hl.strip()) + "'"));
                }
                headers.add(new Header(h.group(1), h.group(2), k + 1));
            }
            k++;
        }
        while (k < blockEnd && lines.line(k).isBlank()) {
            k++;
        }
        int last = blockEnd - 1;
        while (last >= k && lines.line(last).isBlank()) {
            last--;
        }
        String body = null;
        int bodyLine = 0;
        if (k <= last) {
            body = lines.text().substring(lines.start()[k], lines.end()[last]);
            bodyLine = k + 1;
        }
        return new Request(index, lineNo, method, url, List.copyOf(headers), body, bodyLine, null);
    }

    static String abbreviate(String s) {
        return org.graphlint.parser.Text.cut(s, 80);
    }
}
