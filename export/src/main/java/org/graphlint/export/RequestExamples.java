package org.graphlint.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graphlint.parser.Example;
import org.graphlint.parser.Header;
import org.graphlint.parser.PageModel;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;

/**
 * The request examples of reference pages as {@code .http} fixtures, one per example, so that a team can seed a fixture
 * suite from the docs: request line and headers as the page writes them, {@code Content-Length} recomputed for the body
 * as written into the fixture, and a first comment line naming the page (which also marks the file as graphlint's).
 */
public final class RequestExamples {

    /** The first line of every fixture this class writes starts with this. */
    public static final String MARKER = "# graphlint examples:";

    private RequestExamples() {
    }

    /**
     * One fixture.
     *
     * @param fileName    {@code PAGE.OPERATION.http} (a second example of the same operation on a page gets {@code -2})
     * @param content     the fixture text (LF line breaks)
     * @param page        the page file
     * @param line        the example's request line on the page
     * @param operation   {@code vppToken-create} when the catalog documents the request, else {@code post-vppTokens}
     * @param lastHandoff the page's {@code ms.lasthandoff} (the doc version to validate the fixture against), or null
     * @param jsonBody    false when the example's body is not JSON (the fixture is written anyway, as the page has it)
     */
    public record Fixture(String fileName, String content, String page, int line, String operation,
            LocalDate lastHandoff, boolean jsonBody) {
    }

    /**
     * The fixtures of one page. {@code pageName} is what the file names start with (see {@link #pageName}); the catalog
     * names documented operations (may be null).
     */
    public static List<Fixture> of(PageModel page, String pageName, Catalog catalog) {
        List<Fixture> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Example e : page.examples()) {
            if (e.kind() != Example.Kind.REQUEST || e.method() == null || e.url() == null) {
                continue;
            }
            String op = operationName(catalog, e.method(), e.url());
            String base = shortened(pageName + "." + op);
            int n = seen.merge(base, 1, Integer::sum);
            String file = (n == 1 ? base : base + "-" + n) + ".http";
            out.add(new Fixture(file, content(page, e), page.file(), e.line(), op, page.lastHandoff(),
                    e.bodyText() == null || e.bodyText().isBlank() || e.body() != null));
        }
        return out;
    }

    /** Longest file-name stem written: with "-N.http" and the temporary file's prefix and suffix, well under 255 bytes. */
    static final int MAX_STEM = 150;

    /**
     * A stem cut to {@link #MAX_STEM} characters, its end replaced by a hash of the whole so that two long names stay
     * apart (a function call with its parameters in the URL made names of 300 characters and more).
     */
    static String shortened(String stem) {
        if (stem.length() <= MAX_STEM) {
            return stem;
        }
        return stem.substring(0, MAX_STEM - 9) + "~" + String.format(Locale.ROOT, "%08x", stem.hashCode());
    }

    /**
     * A page's name for its fixtures: the file name without {@code .md}, prefixed by its folder when the file name is
     * only a date and commit (the history layout {@code PAGE/2019-01-12_1f8e3f3.md}); characters outside
     * {@code [A-Za-z0-9._-]} become {@code _}.
     */
    public static String pageName(Path page) {
        String f = page.getFileName().toString();
        if (f.toLowerCase(Locale.ROOT).endsWith(".md")) {
            f = f.substring(0, f.length() - 3);
        }
        Path parent = page.getParent();
        if (f.matches("\\d{4}-\\d{2}-\\d{2}.*") && parent != null && parent.getFileName() != null) {
            String locale = parent.getParent() != null && parent.getParent().getParent() != null
                    && parent.getParent().getParent().getParent() != null
                    ? parent.getParent().getParent().getParent().getFileName() + "_" : "";
            f = (locale.matches("[a-z]{2}-[A-Z]{2}_") ? locale : "") + parent.getFileName() + "_" + f;
        }
        return f.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String operationName(Catalog catalog, String method, String url) {
        String path = DocumentedOperation.requestPath(url);
        if (catalog != null) {
            Catalog cat = catalog;
            String l = url.toLowerCase(Locale.ROOT);
            for (String api : catalog.apiVersions()) {
                if (l.contains("/" + api.toLowerCase(Locale.ROOT) + "/")) {
                    cat = catalog.forApiVersion(api);
                }
            }
            DocumentedOperation d = match(cat, method, path);
            if (d != null) {
                return d.entity() + "-" + d.operation().id();
            }
        }
        String[] segs = path.split("/");
        String last = "root";
        for (int i = segs.length - 1; i >= 0; i--) {
            if (!segs[i].isEmpty() && !segs[i].startsWith("{")) {
                last = segs[i];
                break;
            }
        }
        return (method.toLowerCase(Locale.ROOT) + "-" + last).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static DocumentedOperation match(Catalog cat, String method, String path) {
        String[] a = path.split("/");
        for (DocumentedOperation d : cat.operations()) {
            String[] t = d.pathTemplate().split("/");
            if (!d.method().equalsIgnoreCase(method) || t.length != a.length) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                ok = t[i].startsWith("{") ? !a[i].isEmpty() : t[i].equalsIgnoreCase(a[i]);
            }
            if (ok) {
                return d;
            }
        }
        return null;
    }

    /** The fixture text: marker comment, request line, headers (Content-Length recomputed), blank line, body. */
    static String content(PageModel page, Example e) {
        StringBuilder sb = new StringBuilder();
        sb.append(MARKER).append(' ').append(page.file().replace('\n', ' ')).append(" line ").append(e.line());
        if (page.locale() != null) {
            sb.append(" (").append(page.locale());
            if (page.lastHandoff() != null) {
                sb.append(", ms.lasthandoff ").append(page.lastHandoff());
            }
            sb.append(')');
        }
        sb.append('\n');
        sb.append(e.method()).append(' ').append(e.url()).append('\n');
        String body = e.bodyText() == null ? "" : e.bodyText().replace("\r\n", "\n").replace('\r', '\n').strip();
        boolean hasLength = false;
        for (Header h : e.headers()) {
            if (h.name().equalsIgnoreCase("Content-Length")) {
                if (!body.isEmpty()) {
                    sb.append(h.name()).append(": ").append(body.getBytes(StandardCharsets.UTF_8).length).append('\n');
                }
                hasLength = true;
            } else {
                sb.append(h.name()).append(": ").append(h.value()).append('\n');
            }
        }
        if (!body.isEmpty()) {
            if (!hasLength) {
                sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append('\n');
            }
            sb.append('\n').append(body).append('\n');
        }
        return sb.toString();
    }
}
