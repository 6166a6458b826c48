package org.graphlint.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.graphlint.parser.Example;
import org.graphlint.parser.Operation;
import org.graphlint.parser.PageKind;

/**
 * Path templates taken from a page's own example requests. The docs' examples are documentation too: a page whose
 * HTTP request block says {@code PATCH /deviceManagement/virtualEndpoint/provisioningPolicies/{id}} while its example
 * (and the service) use {@code PATCH …/userSettings/b0c2d35f-…}, a page with no HTTP request block at all
 * ({@code GET /sites/root}), a page whose block the parser does not take as one ({@code GET /me/presence}) still
 * documents the request its example sends. Such an example's path, when no documented template matches it, becomes a
 * template of that page's operation:
 *
 * <ul>
 *   <li>generalized: a segment that is an id by its shape (a GUID or a run of one, digits, 16+ hex digits, a UPN, an
 *       opaque token of 8+ characters with 4+ digits), a key in parentheses or quotes, or a segment standing where one
 *       of the page's own templates has a variable ({@code /connections/contosohr} against
 *       {@code /external/connections/{id}}) becomes {@code {id}}; every other segment stays as written: a real word of
 *       the path is never made a variable;</li>
 *   <li>documented templates win: an example template that could match a request some documented template of the same
 *       API version and method matches is dropped, and so is one that two pages' examples give for different
 *       operations (ambiguous); both are counted;</li>
 *   <li>not taken: a host other than Graph's, an unknown API version ({@code /v1/}), elided paths ({@code beta**}),
 *       malformed segments ({@code {id} without its closing brace}).</li>
 * </ul>
 *
 * The API version is the one the example's URL names (the page's when it names none). The result lists each kept
 * template with its page, so reports can say how many requests only an example path routes.
 */
final class ExamplePaths {

    private ExamplePaths() {
    }

    /** A template taken from an example, with the page whose example it is. */
    record Kept(String api, DocumentedOperation operation, String page) {
    }

    /** What the examples gave: templates kept, and how many candidates were dropped for which reason. */
    record Result(List<Kept> kept, Map<String, Integer> dropped) {

        /** The kept operations by API version, in page order. */
        Map<String, List<DocumentedOperation>> byApi() {
            Map<String, List<DocumentedOperation>> out = new LinkedHashMap<>();
            for (Kept k : kept) {
                out.computeIfAbsent(k.api(), x -> new ArrayList<>()).add(k.operation());
            }
            return out;
        }
    }

    private static final Pattern GUID = Pattern.compile(
            "(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("(?i)[0-9a-f]{16,}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_=+.!-]{8,}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.$@!~'=,+-]+");
    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?i)v\\d+(\\.\\d+)?|api-version.*");
    private static final Pattern HOST = Pattern.compile("(?i)^\\s*https?://([^/\\s]+)");

    /** A key-shaped segment: never a word of a Graph path. */
    static boolean looksLikeId(String seg) {
        if (DIGITS.matcher(seg).matches() || HEX.matcher(seg).matches() || GUID.matcher(seg).matches()
                || seg.indexOf('@') > 0) {
            return true;
        }
        if (TOKEN.matcher(seg).matches()) {
            int digits = 0;
            for (int i = 0; i < seg.length(); i++) {
                if (Character.isDigit(seg.charAt(i))) {
                    digits++;
                }
            }
            return digits >= 4;
        }
        return false;
    }

    private static final Pattern LITERAL_ID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}");

    /**
     * A documented template with an example's GUID in place of a variable
     * ({@code DELETE /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/cf6005fc-…}, as some pages
     * write their HTTP request block) with {@code {id}} there: a GUID is never a word of a path, and the template
     * otherwise matches only the one id the page happened to show.
     */
    static DocumentedOperation withoutLiteralIds(DocumentedOperation o) {
        String[] parts = o.pathTemplate().split("/", -1);
        boolean changed = false;
        for (int i = 0; i < parts.length; i++) {
            if (LITERAL_ID.matcher(parts[i]).matches()) {
                parts[i] = "{id}";
                changed = true;
            }
        }
        return changed ? new DocumentedOperation(o.method(), String.join("/", parts), o.entity(), o.operation()) : o;
    }

    /** One candidate: a generalized example path and the operation it documents. */
    private record Candidate(String api, String method, String[] segs, DocumentedOperation op, String page) {
        String key() {
            return api + " " + method + " " + String.join("/", segs).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The templates the pages' own examples add to the documented operations ({@code documented}: every operation the
     * pages' HTTP request blocks give, by API version).
     */
    static Result of(List<CatalogBuilder.Input> inputs, Map<String, List<DocumentedOperation>> documented) {
        Map<String, List<String[]>> docSegs = new LinkedHashMap<>();
        documented.forEach((api, ops) -> {
            for (DocumentedOperation o : ops) {
                String[] s = PathTemplate.segments(o.pathTemplate());
                if (s != null) {
                    List<String[]> l = docSegs.computeIfAbsent(api + " " + o.method().toUpperCase(Locale.ROOT), x -> new ArrayList<>());
                    l.add(s);
                    String[] loose = withoutArguments(s);
                    if (loose != null) {
                        l.add(loose); // the router also compares templates without their function parameters
                    }
                }
            }
        });
        Map<String, Integer> dropped = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (CatalogBuilder.Input in : inputs) {
            PageFacts f = PageFacts.of(in.page(), in.file());
            List<String[]> own = new ArrayList<>();
            for (Operation o : in.page().operations()) {
                String[] s = o.path() == null ? null : PathTemplate.segments(CatalogBuilder.pathTemplate(o.path()));
                if (s != null) {
                    own.add(s);
                }
            }
            if (in.page().kind() != PageKind.METHOD) {
                continue; // an overview (excel.md, planner.md) documents no operation its examples could belong to
            }
            for (Example e : PageFacts.ownExamples(in.page())) {
                if (e.kind() != Example.Kind.REQUEST || e.method() == null || e.url() == null) {
                    continue;
                }
                String method = e.method().strip().toUpperCase(Locale.ROOT);
                var host = HOST.matcher(e.url());
                if (host.find() && !host.group(1).equalsIgnoreCase("graph.microsoft.com")) {
                    continue; // a callback to the app: not a Graph request
                }
                String api = PathTemplate.apiVersionOf(e.url());
                if (api == null) {
                    api = f.apiVersion();
                }
                String[] segs = PathTemplate.segments(e.url());
                List<String[]> docs = docSegs.get(api + " " + method);
                if (segs == null || segs.length == 0 || variants(segs).stream().anyMatch(v -> anyMatches(docs, v))) {
                    continue; // routed by a documented template already
                }
                String[] general = generalize(segs, own);
                String why = unusable(general);
                if (why != null) {
                    count(dropped, why);
                    continue;
                }
                if (variants(general).stream().anyMatch(v -> overlapsAny(docs, v))) {
                    count(dropped, "could take requests a documented template matches");
                    continue;
                }
                candidates.add(new Candidate(api, method, general,
                        new DocumentedOperation(method, template(general), entity(f, in.file(), method, general),
                                kind(f, in.file(), method, general)), in.file()));
            }
        }
        return new Result(unambiguous(candidates, dropped), dropped);
    }

    /**
     * The forms the request router compares a request in (validator's {@code RequestRouter.variants}, which this module
     * cannot call): as written; without function parameters; with a drive's aliases ({@code /drive} is
     * {@code /me/drive}, {@code root} is {@code items/{id}}, an item addressed by path is {@code items/{id}}).
     */
    static List<String[]> variants(String[] segs) {
        List<String[]> out = new ArrayList<>();
        out.add(segs);
        String[] d = withoutArguments(segs);
        if (d != null) {
            out.add(d);
        }
        for (boolean collapsePath : new boolean[] {false, true}) {
            String[] a = PathTemplate.driveAliases(segs, collapsePath);
            if (a != null) {
                out.add(a);
                String[] ad = withoutArguments(a);
                if (ad != null) {
                    out.add(ad);
                }
            }
        }
        return out;
    }

    /** The segments without function parameter lists that follow a literal, or null when there are none. */
    private static String[] withoutArguments(String[] segs) {
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < segs.length; i++) {
            if (segs[i].startsWith(PathTemplate.ARGS) && i > 0 && !PathTemplate.isVariable(segs[i - 1])) {
                changed = true;
                continue;
            }
            out.add(segs[i]);
        }
        return changed ? out.toArray(new String[0]) : null;
    }

    /** Why a request path makes no template, or null. */
    private static String unusable(String[] segs) {
        if (VERSION_SEGMENT.matcher(segs[0]).matches()) {
            return "an API version graphlint does not know (/v1/)";
        }
        for (String s : segs) {
            if (!PathTemplate.isVariable(s) && !LITERAL.matcher(s).matches()) {
                return "a malformed or elided segment (beta**, an unclosed {id)";
            }
            if (s.startsWith("{") && !(s.equals(PathTemplate.ANY) || s.equals(PathTemplate.PATH)
                    || s.startsWith(PathTemplate.ARGS))) {
                return "a malformed or elided segment (beta**, an unclosed {id)";
            }
        }
        return PathTemplate.isVariable(segs[0]) || segs[0].equals(PathTemplate.PATH) ? "a path starting with a variable" : null;
    }

    /** Id-shaped segments, and those where one of the page's own templates has a variable, become variables. */
    static String[] generalize(String[] segs, List<String[]> own) {
        String[] out = segs.clone();
        for (int i = 0; i < out.length; i++) {
            if (!PathTemplate.isVariable(out[i]) && looksLikeId(out[i]) && i > 0) {
                out[i] = PathTemplate.ANY;
            }
        }
        for (String[] t : own) {
            int off = t.length - out.length; // the example is the template's tail: it ends where the template ends
            if (off >= 0 && aligns(t, off, out)) {
                for (int i = 1; i < out.length; i++) {
                    if (t[off + i].equals(PathTemplate.ANY)) {
                        out[i] = PathTemplate.ANY;
                    }
                }
                return out;
            }
        }
        return out;
    }

    /**
     * The example's segments are the template's from {@code off} to its end: the first segment and every other
     * literal pair agree, so only a segment standing where the template has a key becomes a variable.
     */
    private static boolean aligns(String[] t, int off, String[] e) {
        if (PathTemplate.isVariable(e[0]) || !e[0].equalsIgnoreCase(t[off])) {
            return false;
        }
        for (int i = 1; i < e.length; i++) {
            String a = t[off + i];
            String b = e[i];
            boolean av = PathTemplate.isVariable(a);
            boolean bv = PathTemplate.isVariable(b);
            if (!av && !bv && !a.equalsIgnoreCase(b) || !av && bv || av && !a.equals(PathTemplate.ANY)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(List<String[]> templates, String[] segs) {
        if (templates != null) {
            for (String[] t : templates) {
                if (PathTemplate.matches(t, segs)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when some request could match both (same length, each pair of segments could be one segment). */
    static boolean overlaps(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            String x = a[i];
            String y = b[i];
            boolean xp = x.equals(PathTemplate.PATH);
            boolean yp = y.equals(PathTemplate.PATH);
            if (xp || yp) {
                if (xp != yp) {
                    return false;
                }
                continue;
            }
            boolean xv = PathTemplate.isVariable(x);
            boolean yv = PathTemplate.isVariable(y);
            if (!xv && !yv && !x.equalsIgnoreCase(y)) {
                return false;
            }
            if (x.startsWith(PathTemplate.ARGS) && !yv || y.startsWith(PathTemplate.ARGS) && !xv) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlapsAny(List<String[]> templates, String[] segs) {
        if (templates != null) {
            for (String[] t : templates) {
                if (overlaps(t, segs)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Candidates of one key from pages that agree on the operation are one template; candidates that could take each
     * other's requests while naming different operations are all dropped.
     */
    private static List<Kept> unambiguous(List<Candidate> candidates, Map<String, Integer> dropped) {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> firsts = new ArrayList<>();
        for (List<Candidate> same : byKey.values()) {
            firsts.add(same.get(0));
        }
        List<Kept> out = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> en : byKey.entrySet()) {
            Candidate c = en.getValue().get(0);
            boolean ambiguous = en.getValue().stream().anyMatch(o -> !sameOperation(o, c));
            for (Candidate o : firsts) {
                if (o != c && o.api().equals(c.api()) && o.method().equals(c.method()) && overlaps(o.segs(), c.segs())
                        && !sameOperation(o, c)) {
                    ambiguous = true;
                }
            }
            if (ambiguous) {
                dropped.merge("ambiguous: examples of different operations", en.getValue().size(), Integer::sum);
            } else {
                out.add(new Kept(c.api(), c.op(), c.page()));
            }
        }
        return out;
    }

    private static boolean sameOperation(Candidate a, Candidate b) {
        return a.op().entity().equals(b.op().entity()) && a.op().operation() == b.op().operation();
    }

    /** The entity the builder files the page's operations under (its entity, else the page's name). */
    private static String entity(PageFacts f, String file, String method, String[] segs) {
        OperationKind k = kind(f, file, method, segs);
        if (k == OperationKind.ACTION) {
            return slug(f, file);
        }
        return f.entity() != null ? f.entity() : slug(f, file);
    }

    /**
     * The operation, as {@link BuildGraphCatalog#extraOperations} files a documented template of the page: reads and
     * deletes are RESOURCE; an action when the page is named after the path's last segment; else create for POST and
     * update for PATCH and PUT (the page's own create or update, under its entity).
     */
    private static OperationKind kind(PageFacts f, String file, String method, String[] segs) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return OperationKind.RESOURCE;
        }
        if (BuildGraphCatalog.isAction(slug(f, file), template(segs))) {
            return OperationKind.ACTION;
        }
        return method.equals("POST") ? OperationKind.CREATE : OperationKind.UPDATE;
    }

    private static String slug(PageFacts f, String file) {
        String slug = f.slug() == null ? file : f.slug();
        slug = slug.substring(slug.lastIndexOf('/') + 1);
        return slug.endsWith(".md") ? slug.substring(0, slug.length() - 3) : slug;
    }

    /** Normal-form segments written back as a template: variables as {@code {id}}, path addressing, parameters. */
    static String template(String[] segs) {
        StringBuilder b = new StringBuilder();
        for (String s : segs) {
            if (s.equals(PathTemplate.PATH)) {
                b.append(":/{path}:");
            } else if (s.startsWith(PathTemplate.ARGS)) {
                int n = PathTemplate.arguments(s);
                b.append('(');
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "," : "").append('p').append(i).append("={p").append(i).append('}');
                }
                b.append(')');
            } else {
                b.append('/').append(s.equals(PathTemplate.ANY) ? "{id}" : s.endsWith("=" + PathTemplate.ANY)
                        ? s.substring(0, s.length() - 2) + "{id}" : s);
            }
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    private static void count(Map<String, Integer> m, String why) {
        m.merge(why, 1, Integer::sum);
    }

    /** Tab-separated listing (api, method, template, entity, operation, page), one kept template a line. */
    static String listing(Result r) {
        StringBuilder b = new StringBuilder("# api\tmethod\ttemplate\tentity\toperation\tpage (templates taken from the"
                + " pages' own example requests: BuildGraphCatalog, ExamplePaths)\n");
        for (Kept k : r.kept()) {
            b.append(k.api()).append('\t').append(k.operation().method()).append('\t').append(k.operation().pathTemplate())
                    .append('\t').append(k.operation().entity()).append('\t').append(k.operation().operation().id())
                    .append('\t').append(Objects.toString(k.page())).append('\n');
        }
        return b.toString();
    }
}
