package org.graphlint.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PathTemplate;

/**
 * Routes a request line ({@code PATCH https://graph.microsoft.com/v1.0/me}) to the documented operation it calls, for
 * one API version of a catalog. Both the request path and every documented template are brought to the normal form
 * of {@link PathTemplate} (the one matcher of the project: scheme, host, version, query go; {@code /me} is
 * {@code /users/{id}}; keys in parentheses, path addressing, function parameters and variables are segments of their
 * own) and compared segment by segment.
 *
 * The most specific template wins (most literal segments). When no template matches the request as written, a
 * drive's aliases are tried ({@code /drive} is {@code /me/drive}; its {@code root}, and an item addressed by path, are
 * {@code items/{id}}), and a
 * function call's named parameters that the page's template does not write ({@code /filterByCurrentUser(on='target')}
 * against {@code /filterByCurrentUser}), or the reverse, are tried without them; never a key
 * ({@code /users('x')} stays a key). A path ending in {@code /$ref} is a reference body ({@code {"@odata.id": …}})
 * whatever entity the page was filed under; one ending in {@code /$value} sends or reads media content, not JSON. A
 * request no template matches gets the nearest documented templates,
 * never another entity's schema. Immutable and thread-safe.
 */
public final class RequestRouter {

    static final String ANY = PathTemplate.ANY;
    static final String PATH = PathTemplate.PATH;
    private static final String ARGS = PathTemplate.ARGS;

    /** The longest request path (in segments) compared with the templates for the nearest ones. */
    private static final int MAX_NEAREST_SEGMENTS = 64;

    /** What a request line routes to. */
    public enum Kind {
        /** A documented operation (create, update, resource, action): {@link Route#operation()} says which. */
        OPERATION,
        /** A {@code /$ref} request: the body is a reference, {@code {"@odata.id": "…"}}. */
        REFERENCE,
        /**
         * A request to the media content of a documented entity or stream property ({@code PUT /me/photo/$value}): the
         * body is that content (an image, a file), not the entity's JSON; {@link Route#operation()} is the documented
         * operation.
         */
        MEDIA,
        /** No documented operation has this method and path; {@link Route#nearest()} lists the nearest templates. */
        UNKNOWN
    }

    /**
     * @param kind      what the request is
     * @param operation the documented operation (null for UNKNOWN)
     * @param path      the request path as compared (normalized: {@code /users/{}/messages})
     * @param nearest   for UNKNOWN: up to three documented operations, nearest first ("PATCH /groups/{id}")
     */
    public record Route(Kind kind, DocumentedOperation operation, String path, List<String> nearest) {
        public Route {
            nearest = List.copyOf(nearest);
        }
    }

    private record Compiled(DocumentedOperation op, String[] segs, int literals, String shown) {
    }

    /** Templates as documented, by method and length, most literal first. */
    private final Map<String, List<Compiled>> exact = new HashMap<>();
    /** Templates with their optional function parameters left out (tried after every exact one). */
    private final Map<String, List<Compiled>> loose = new HashMap<>();
    private final List<Compiled> all = new ArrayList<>();
    /** Literal segments (lower case) some template follows with a key: a collection, whose parentheses are a key. */
    private final Set<String> keyed = new HashSet<>();

    private RequestRouter(List<DocumentedOperation> ops) {
        Set<String> seen = new HashSet<>();
        List<String[]> segsOf = new ArrayList<>();
        List<DocumentedOperation> kept = new ArrayList<>();
        for (DocumentedOperation d : ops) {
            String[] segs = segments(d.pathTemplate());
            if (segs == null) {
                continue;
            }
            String m = d.method().toUpperCase(Locale.ROOT);
            String key = m + " " + String.join("/", segs) + " " + d.entity() + " " + d.operation();
            if (!seen.add(key)) {
                continue;
            }
            kept.add(d);
            segsOf.add(segs);
            for (int i = 0; i + 1 < segs.length; i++) {
                if (!isVariable(segs[i]) && isVariable(segs[i + 1]) && !segs[i + 1].startsWith(ARGS)) {
                    keyed.add(segs[i].toLowerCase(Locale.ROOT));
                }
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            DocumentedOperation d = kept.get(i);
            String m = d.method().toUpperCase(Locale.ROOT);
            Compiled c = compiled(d, segsOf.get(i), m);
            all.add(c);
            exact.computeIfAbsent(m + c.segs().length, k -> new ArrayList<>()).add(c);
            String[] without = withoutArguments(c.segs());
            if (without != null) {
                Compiled l = compiled(d, without, m);
                loose.computeIfAbsent(m + without.length, k -> new ArrayList<>()).add(l);
            }
        }
        // most literal segments first; then documented order (stable sort), so the first match is the most specific
        exact.values().forEach(l -> l.sort(Comparator.comparingInt((Compiled c) -> -c.literals())));
        loose.values().forEach(l -> l.sort(Comparator.comparingInt((Compiled c) -> -c.literals())));
    }

    private static Compiled compiled(DocumentedOperation d, String[] segs, String method) {
        int lit = 0;
        for (String s : segs) {
            if (!isVariable(s)) {
                lit++;
            }
        }
        return new Compiled(d, segs, lit, method + " " + d.pathTemplate());
    }

    /** The router over one API version's documented operations ({@link Catalog#operations()}). */
    public static RequestRouter of(Catalog apiCatalog) {
        return new RequestRouter(apiCatalog.operations());
    }

    /** A router over the given operations (tests, other catalogs). */
    public static RequestRouter of(List<DocumentedOperation> operations) {
        return new RequestRouter(operations);
    }

    /** The API version a request URL names ({@code beta}, {@code v1.0}); null when it names none. */
    public static String apiVersionOf(String url) {
        return PathTemplate.apiVersionOf(url);
    }

    /** The normal form of a URL or template as segments ({@link PathTemplate#segments}); package-visible for tests. */
    static String[] segments(String url) {
        return PathTemplate.segments(url);
    }

    static boolean isVariable(String seg) {
        return PathTemplate.isVariable(seg);
    }

    private static boolean matches(String[] template, String[] actual) {
        return PathTemplate.matches(template, actual);
    }

    private static boolean matches(String t, String a) {
        return PathTemplate.segmentMatches(t, a);
    }

    private static int arguments(String argsSegment) {
        return PathTemplate.arguments(argsSegment);
    }

    /** Routes a request: method ({@code POST}) and URL as written in a .http file or the docs. */
    public Route route(String method, String url) {
        String m = method.strip().toUpperCase(Locale.ROOT);
        String[] segs = segments(url);
        if (segs == null) {
            segs = new String[0];
        }
        String shown = shown(segs);
        String last = segs.length > 0 ? segs[segs.length - 1] : "";
        Kind found = last.equalsIgnoreCase("$ref") ? Kind.REFERENCE : last.equalsIgnoreCase("$value") ? Kind.MEDIA
                : Kind.OPERATION;
        List<String[]> variants = variants(segs);
        for (Map<String, List<Compiled>> templates : List.of(exact, loose)) {
            for (String[] v : variants) {
                Compiled best = match(templates, m, v);
                if (best != null) {
                    return new Route(found, best.op(), shown, List.of());
                }
            }
        }
        return new Route(Kind.UNKNOWN, null, shown, nearest(m, segs));
    }

    /**
     * The forms a request is compared in, first to last: as written; without function parameters the template may not
     * write; then with a drive's aliases ({@code /drive} is {@code /me/drive}; {@code root}, and an item addressed by
     * path, are {@code items/{id}}). Templates are compared as written, so that a template that says {@code /drive/…}
     * or {@code root} wins over the alias.
     */
    private List<String[]> variants(String[] segs) {
        List<String[]> out = new ArrayList<>(6);
        out.add(segs);
        String[] d = droppable(segs);
        if (d != null) {
            out.add(d);
        }
        for (boolean collapsePath : new boolean[] {false, true}) {
            String[] a = PathTemplate.driveAliases(segs, collapsePath);
            if (a != null && out.stream().noneMatch(x -> java.util.Arrays.equals(x, a))) {
                out.add(a);
                String[] ad = droppable(a);
                if (ad != null) {
                    out.add(ad);
                }
            }
        }
        return out;
    }


    private static String shown(String[] segs) {
        StringBuilder sb = new StringBuilder();
        for (String s : segs) {
            sb.append('/').append(s.startsWith(ARGS) ? ANY : s.equals(PATH) ? "{path}" : s);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static Compiled match(Map<String, List<Compiled>> byMethodAndLength, String method, String[] segs) {
        List<Compiled> cands = byMethodAndLength.get(method + segs.length);
        if (cands == null) {
            return null;
        }
        for (Compiled c : cands) {
            if (matches(c.segs(), segs)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A template without its function parameters ({@code /usedRange(valuesOnly={v})} as {@code /usedRange}), or null
     * when it has none that may be left out (see {@link #droppable}).
     */
    private String[] withoutArguments(String[] segs) {
        return droppable(segs);
    }

    /**
     * The segments without the named-parameter lists of function calls, or null when there are none. A list right after
     * a collection some template keys ({@code /users(id='x')}) is a key and stays, unless it names two or more
     * parameters (no key does).
     */
    private String[] droppable(String[] segs) {
        List<String> out = null;
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            if (s.startsWith(ARGS) && i > 0 && !isVariable(segs[i - 1])
                    && (arguments(s) >= 2 || !keyed.contains(segs[i - 1].toLowerCase(Locale.ROOT)))) {
                if (out == null) {
                    out = new ArrayList<>(List.of(segs).subList(0, i));
                }
                continue;
            }
            if (out != null) {
                out.add(s);
            }
        }
        return out == null ? null : out.toArray(new String[0]);
    }

    private List<String> nearest(String method, String[] segs) {
        List<String> out = new ArrayList<>();
        for (Compiled c : all) {
            if (c.segs().length == segs.length && !c.op().method().equalsIgnoreCase(method) && matches(c.segs(), segs)
                    && !out.contains(c.shown())) {
                out.add(c.shown());
            }
        }
        if (out.size() >= 3 || segs.length > MAX_NEAREST_SEGMENTS) {
            return out.size() > 3 ? out.subList(0, 3) : out;
        }
        record Scored(String shown, int d) {
        }
        Map<String, Integer> literalCost = new HashMap<>();
        List<Scored> scored = new ArrayList<>();
        for (Compiled c : all) {
            int d = 2 * segmentDistance(c.segs(), segs, literalCost) + (c.op().method().equalsIgnoreCase(method) ? 0 : 1);
            scored.add(new Scored(c.shown(), d));
        }
        scored.sort(Comparator.comparingInt(Scored::d).thenComparing(Scored::shown));
        for (Scored s : scored) {
            if (out.size() == 3) {
                break;
            }
            if (!out.contains(s.shown())) {
                out.add(s.shown());
            }
        }
        return out;
    }

    /**
     * Edit distance between a template and a request counted in segments: a segment left out or added costs 2, a
     * literal spelt a little differently ({@code group} for {@code groups}) 1, another segment 2; variables match
     * anything. Measuring segments, not characters, keeps a miss cheap against thousands of templates and makes ids
     * cost nothing.
     */
    private static int segmentDistance(String[] t, String[] a, Map<String, Integer> literalCost) {
        int n = t.length;
        int m = a.length;
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = 2 * j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = 2 * i;
            for (int j = 1; j <= m; j++) {
                int sub = prev[j - 1] + substitution(t[i - 1], a[j - 1], literalCost);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 2);
            }
            int[] x = prev;
            prev = cur;
            cur = x;
        }
        return prev[m];
    }

    private static int substitution(String t, String a, Map<String, Integer> literalCost) {
        if (matches(t, a)) {
            return 0;
        }
        if (isVariable(t) || isVariable(a)) {
            return 2;
        }
        String key = t.toLowerCase(Locale.ROOT) + "\u0000" + a.toLowerCase(Locale.ROOT);
        Integer c = literalCost.get(key);
        if (c == null) {
            int limit = Math.max(1, Math.min(t.length(), a.length()) / 3);
            c = Math.abs(t.length() - a.length()) > limit || t.length() > Suggest.MAX_NAME || a.length() > Suggest.MAX_NAME
                    ? 2 : Suggest.distance(t.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT)) <= limit ? 1 : 2;
            literalCost.put(key, c);
        }
        return c;
    }

    /** True when the operation carries a JSON body graphlint can check against a schema of its own kind. */
    static boolean takesBody(DocumentedOperation op) {
        OperationKind k = op.operation();
        String m = op.method().toUpperCase(Locale.ROOT);
        return (m.equals("POST") || m.equals("PATCH") || m.equals("PUT"))
                && (k == OperationKind.CREATE || k == OperationKind.UPDATE || k == OperationKind.ACTION);
    }
}
