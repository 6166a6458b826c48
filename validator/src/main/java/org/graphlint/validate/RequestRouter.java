package org.graphlint.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;

/**
 * Routes a request line ({@code PATCH https://graph.microsoft.com/v1.0/me}) to the documented operation it calls, for
 * one API version of a catalog. Both the request path and every documented template are brought to one form first:
 *
 * <ul>
 *   <li>scheme, host, a leading {@code {{variable}}}, the API version prefix, the query string and a trailing slash go;</li>
 *   <li>{@code /me} is {@code /users/{id}} (the docs document most user paths under both);</li>
 *   <li>a key in parentheses is a key segment: {@code /users('a@b.com')} and {@code /users(id='x')} are
 *       {@code /users/{key}}; function parameters likewise ({@code /reminderView(startDateTime=…)});</li>
 *   <li>a {@code microsoft.graph.} prefix of a segment (a type cast, a bound action or function) is dropped;</li>
 *   <li>template variables ({@code {id}}, {@code {id | userPrincipalName}}) match any one segment, and so does a
 *       variable written in the request itself ({@code PATCH /groups/{id}}, copied from the docs).</li>
 * </ul>
 *
 * The most specific template wins (most literal segments). A path ending in {@code /$ref} is a reference body
 * ({@code {"@odata.id": …}}) whatever entity the page was filed under. A request no template matches gets the nearest
 * documented templates, never another entity's schema. Immutable and thread-safe.
 */
public final class RequestRouter {

    /** A template segment or request segment that stands for any one segment. */
    static final String ANY = "{}";

    /** What a request line routes to. */
    public enum Kind {
        /** A documented operation (create, update, resource, action): {@link Route#operation()} says which. */
        OPERATION,
        /** A {@code /$ref} request: the body is a reference, {@code {"@odata.id": "…"}}. */
        REFERENCE,
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

    private final Map<String, List<Compiled>> byMethodAndLength = new HashMap<>();
    private final List<Compiled> all = new ArrayList<>();

    private RequestRouter(List<DocumentedOperation> ops) {
        java.util.Set<String> seen = new java.util.HashSet<>();
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
            int lit = 0;
            for (String s : segs) {
                if (!s.equals(ANY)) {
                    lit++;
                }
            }
            Compiled c = new Compiled(d, segs, lit, m + " " + d.pathTemplate());
            all.add(c);
            byMethodAndLength.computeIfAbsent(m + segs.length, k -> new ArrayList<>()).add(c);
        }
        // most literal segments first; then documented order (stable sort), so the first match is the most specific
        byMethodAndLength.values().forEach(l -> l.sort(Comparator.comparingInt((Compiled c) -> -c.literals())));
    }

    /** The router over one API version's documented operations ({@link Catalog#operations()}). */
    public static RequestRouter of(Catalog apiCatalog) {
        return new RequestRouter(apiCatalog.operations());
    }

    /** A router over the given operations (tests, other catalogs). */
    public static RequestRouter of(List<DocumentedOperation> operations) {
        return new RequestRouter(operations);
    }

    /**
     * The API version a request URL names ({@code /beta/}, {@code /v1.0/} right after the host, a {@code {{variable}}}
     * or at the start of a relative URL); null when it names none.
     */
    public static String apiVersionOf(String url) {
        String u = stripToPath(url, false);
        String l = u.toLowerCase(Locale.ROOT);
        if (l.startsWith("/beta/") || l.equals("/beta")) {
            return "beta";
        }
        if (l.startsWith("/v1.0/") || l.equals("/v1.0")) {
            return "v1.0";
        }
        return null;
    }

    /** Routes a request: method ({@code POST}) and URL as written in a .http file or the docs. */
    public Route route(String method, String url) {
        String m = method.strip().toUpperCase(Locale.ROOT);
        String[] segs = segments(url);
        if (segs == null) {
            segs = new String[0];
        }
        String shown = "/" + String.join("/", segs);
        boolean ref = segs.length > 0 && segs[segs.length - 1].equalsIgnoreCase("$ref");
        Compiled best = match(m, segs);
        if (best != null) {
            return new Route(ref ? Kind.REFERENCE : Kind.OPERATION, best.op(), shown, List.of());
        }
        return new Route(Kind.UNKNOWN, null, shown, nearest(m, segs));
    }

    private Compiled match(String method, String[] segs) {
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

    private static boolean matches(String[] template, String[] actual) {
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            String a = actual[i];
            if (t.equals(ANY)) {
                if (a.isEmpty()) {
                    return false;
                }
            } else if (a.equals(ANY) || !t.equalsIgnoreCase(a)) {
                return false;
            }
        }
        return true;
    }

    /** Up to three documented operations nearest to a request that matched none: same path other methods first. */
    private List<String> nearest(String method, String[] segs) {
        List<String> out = new ArrayList<>();
        for (Compiled c : all) {
            if (c.segs().length == segs.length && !c.op().method().equalsIgnoreCase(method) && matches(c.segs(), segs)
                    && !out.contains(c.shown())) {
                out.add(c.shown());
            }
        }
        if (out.size() >= 3) {
            return out.subList(0, 3);
        }
        String wanted = (method + " /" + String.join("/", segs)).toLowerCase(Locale.ROOT);
        record Scored(String shown, int d) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Compiled c : all) {
            String cand = (c.op().method().toUpperCase(Locale.ROOT) + " /" + String.join("/", aligned(c.segs(), segs)))
                    .toLowerCase(Locale.ROOT);
            int d = Suggest.distance(wanted, cand) + 2 * Math.abs(c.segs().length - segs.length);
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

    /** A template's segments with its variables replaced by the request's own segments, so ids cost nothing. */
    private static String[] aligned(String[] template, String[] actual) {
        String[] out = template.clone();
        for (int i = 0; i < out.length && i < actual.length; i++) {
            if (out[i].equals(ANY)) {
                out[i] = actual[i];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ normal form

    /** The path part of a URL: no scheme and host, no leading {{variable}}, no query or fragment. */
    private static String stripToPath(String url, boolean dropVersion) {
        String u = url.strip();
        int sp = -1;
        for (int i = 0, depth = 0; i < u.length() && sp < 0; i++) {
            char c = u.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (Character.isWhitespace(c) && depth <= 0) {
                sp = i;
            }
        }
        if (sp >= 0) {
            u = u.substring(0, sp); // "… HTTP/1.1" (spaces inside {id | userPrincipalName} stay)
        }
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int h = u.indexOf('#');
        if (h >= 0) {
            u = u.substring(0, h);
        }
        int scheme = u.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "/" : u.substring(slash);
        }
        while (u.startsWith("{{")) {
            int end = u.indexOf("}}");
            if (end < 0) {
                break;
            }
            u = u.substring(end + 2);
        }
        if (!u.startsWith("/")) {
            u = "/" + u;
        }
        if (dropVersion) {
            String l = u.toLowerCase(Locale.ROOT);
            if (l.startsWith("/beta/") || l.startsWith("/v1.0/")) {
                u = u.substring(5);
            } else if (l.equals("/beta") || l.equals("/v1.0")) {
                u = "/";
            }
        }
        return u;
    }

    /**
     * The normal form of a URL or template as segments (see the class comment); null when there is no path at all.
     * Package-visible for tests.
     */
    static String[] segments(String url) {
        if (url == null) {
            return null;
        }
        String p = stripToPath(url, true);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = p.length();
        StringBuilder seg = new StringBuilder();
        while (i <= n) {
            char c = i < n ? p.charAt(i) : '/';
            if (c == '/') {
                add(out, seg.toString());
                seg.setLength(0);
                i++;
            } else if (c == '(') {
                // a key or function parameters: up to the matching ')', quotes respected; it may contain '/'
                int depth = 0;
                boolean quoted = false;
                int j = i;
                for (; j < n; j++) {
                    char d = p.charAt(j);
                    if (d == '\'') {
                        quoted = !quoted;
                    } else if (!quoted && d == '(') {
                        depth++;
                    } else if (!quoted && d == ')' && --depth == 0) {
                        break;
                    }
                }
                String inside = p.substring(i + 1, Math.min(j, n)).strip();
                add(out, seg.toString());
                seg.setLength(0);
                if (!inside.isEmpty()) {
                    out.add(ANY);
                }
                i = j + 1;
            } else {
                seg.append(c);
                i++;
            }
        }
        if (!out.isEmpty() && out.get(0).equalsIgnoreCase("me")) {
            out.set(0, "users");
            out.add(1, ANY);
        }
        return out.toArray(new String[0]);
    }

    private static void add(List<String> out, String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return;
        }
        if (s.startsWith("{") && s.endsWith("}") || s.startsWith("<") && s.endsWith(">")) {
            out.add(ANY); // {id}, {id | userPrincipalName}, {{id}}, <id>
            return;
        }
        if (s.regionMatches(true, 0, "microsoft.graph.", 0, 16) && s.length() > 16) {
            s = s.substring(16);
        }
        // roleTemplateId={roleTemplateId}, key=value segments: alternate keys, a key segment all the same
        int eq = s.indexOf('=');
        if (eq > 0) {
            out.add(s.substring(0, eq + 1) + ANY);
            return;
        }
        out.add(s);
    }

    /** True when the operation carries a JSON body graphlint can check against a schema of its own kind. */
    static boolean takesBody(DocumentedOperation op) {
        OperationKind k = op.operation();
        String m = op.method().toUpperCase(Locale.ROOT);
        return (m.equals("POST") || m.equals("PATCH") || m.equals("PUT"))
                && (k == OperationKind.CREATE || k == OperationKind.UPDATE || k == OperationKind.ACTION);
    }
}
