package org.graphlint.validate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;

/**
 * One request of a {@code .http} file: its method and path against the documented operations, its Content-Type and
 * Content-Length headers, and its body (inline or from a {@code < file}), checked by {@link BodyChecker}. Thread-safe.
 */
final class RequestChecks {

    private final TargetResolver targets;
    private final BodyChecker bodies;

    RequestChecks(TargetResolver targets, BodyChecker bodies) {
        this.targets = targets;
        this.bodies = bodies;
    }

    /**
     * A request's findings (request index set, no file name) and the target its body was checked against (null when
     * none was). {@code forced}: the target every body is checked against, or null; {@code baseDir} resolves
     * {@code < file} bodies (null: the working directory).
     */
    BodyChecker.Checked check(HttpFile.Request r, Target forced, ValidateOptions o, Path baseDir) {
        int idx = r.index();
        if (r.problem() != null) {
            return new BodyChecker.Checked(List.of(r.problem().in(null, idx)), null);
        }
        List<Finding> out = new ArrayList<>();
        Catalog cat = targets.catalogFor(r.url());
        RequestRouter.Route route = targets.router(cat).route(r.method(), r.url());
        Routing.Decision d = Routing.decide(route, cat, r.method(), r.hasBody());
        if (d.finding() != null) {
            out.add(d.finding().in(null, idx).at(r.line(), 1));
        }
        if (!r.hasBody() || d.skipBody()) {
            return new BodyChecker.Checked(out, null);
        }
        if (d.reference() != null) {
            forced = forced != null ? forced : new Target(d.reference(), "builtin", cat.apiVersion());
        }
        DocumentedOperation op = route.operation();
        HttpFile.Header ct = r.header("Content-Type");
        if (ct == null) {
            out.add(new Finding(null, idx, r.line(), 1, null, "http-content-type", Severity.ERROR, Category.HTTP,
                    "the request has a body but no Content-Type header; add 'Content-Type: application/json'", null));
        } else if (!isJson(ct.value())) {
            out.add(new Finding(null, idx, ct.line(), ct.name().length() + 3, null, "http-content-type", Severity.ERROR,
                    Category.HTTP, "Content-Type is '" + ct.value() + "'; Graph expects application/json for this body", null));
        }
        String entity = op == null ? null : op.entity();
        OperationKind kind = op == null ? null : op.operation();
        BodyChecker.Hints hints = new BodyChecker.Hints(cat, entity, kind, forced);
        String include = HttpFile.bodyFile(r.body());
        if (include != null && include.isEmpty()) {
            out.add(new Finding(null, idx, r.bodyLine(), 1, null, "http-body-file", Severity.ERROR, Category.INPUT,
                    "the body line '<' names no file: write '< ./body.json' (a path relative to this .http file)", null));
            return new BodyChecker.Checked(out, null);
        }
        if (include != null) {
            return bodyFile(r, include, baseDir, hints, o, out);
        }
        contentLength(r, r.body().getBytes(StandardCharsets.UTF_8).length, out);
        BodyChecker.Checked body = bodies.check(r.body(), r.bodyLine() - 1, idx, hints, o);
        out.addAll(body.findings());
        return new BodyChecker.Checked(out, body.target());
    }

    private static void contentLength(HttpFile.Request r, long actual, List<Finding> out) {
        HttpFile.Header cl = r.header("Content-Length");
        if (cl != null) {
            String declared = cl.value().strip();
            boolean ok;
            try {
                ok = Long.parseLong(declared) == actual;
            } catch (NumberFormatException e) {
                ok = false;
            }
            if (!ok) {
                out.add(new Finding(null, r.index(), cl.line(), cl.name().length() + 3, null, "http-content-length",
                        Severity.WARNING, Category.HTTP, "Content-Length says " + declared + " but the body is " + actual
                        + " bytes (UTF-8); fix the header or drop it (HTTP clients compute it)", null));
            }
        }
    }

    /**
     * A body the HTTP client reads from a file ({@code < ./body.json}, resolved against the .http file's folder). Its
     * findings are placed on the {@code <} line, with the body file's own line and column in the message, so that
     * every report points into the fixture it names.
     */
    private BodyChecker.Checked bodyFile(HttpFile.Request r, String include, Path baseDir, BodyChecker.Hints hints,
            ValidateOptions o, List<Finding> out) {
        int idx = r.index();
        int line = r.bodyLine();
        FixtureReader.Read read = FixtureReader.bodyFile(include, baseDir, o);
        SourceText.Decoded d = read instanceof FixtureReader.Bytes b ? SourceText.decode(b.bytes()) : null;
        Finding problem = read instanceof FixtureReader.Unread u ? u.why() : d.problem();
        if (problem != null) {
            out.add(new Finding(null, idx, line, 1, null, "http-body-file", Severity.ERROR, Category.INPUT,
                    "the body file " + printable(include) + (problem.line() > 0 ? " (" + problem.line() + ":" + problem.column() + ")" : "")
                    + ": " + problem.message(), null));
            return new BodyChecker.Checked(out, null);
        }
        contentLength(r, ((FixtureReader.Bytes) read).bytes().length, out);
        if (d.bom()) {
            out.add(new Finding(null, idx, line, 1, null, "bom", Severity.WARNING, Category.INPUT, "the body file "
                    + printable(include) + " starts with a UTF-8 byte-order mark; JSON text must not, graphlint ignored it", null));
        }
        BodyChecker.Checked inner = bodies.check(d.text(), 0, idx, hints, o);
        for (Finding f : inner.findings()) {
            String where = f.line() > 0 ? printable(include) + ":" + f.line() + ":" + f.column() : printable(include);
            out.add(new Finding(null, idx, line, 1, f.pointer(), f.rule(), f.severity(), f.category(),
                    "in " + where + ": " + f.message(), f.target()));
        }
        return new BodyChecker.Checked(out, inner.target());
    }

    /** A path as it may be printed: control characters (a NUL, an escape) as \\uXXXX, never raw into a terminal or log. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isJson(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi);
        }
        t = t.strip();
        return t.equals("application/json") || (t.startsWith("application/") && t.endsWith("+json"));
    }

    /** The path of a request URL without scheme, host, {{variables}}, API version prefix and query. */
    static String pathOf(String url) {
        return DocumentedOperation.requestPath(url);
    }
}
