package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one path-template matcher of graphlint: a request URL ({@code PATCH https://graph.microsoft.com/v1.0/me}) and a
 * documented path template ({@code /users/{id | userPrincipalName}}) are both brought to one normal form, a list of
 * segments, and compared segment by segment. The request router (validator) and the page facts (which request
 * examples are a page's own) use it alike. The normal form:
 *
 * <ul>
 *   <li>scheme, host, a leading {@code {{variable}}}, {@code {version}} or {@code ~}, the API version prefix, the query
 *       string, a fragment and a trailing slash go;</li>
 *   <li>{@code /me} is {@code /users/{id}} (the docs document most user paths under both);</li>
 *   <li>path addressing ({@code root:/Folder A/file.txt:}) is one segment ({@link #PATH}) that matches only path
 *       addressing: the request {@code /drives/x/items/y:/a/b.txt:/content} and the template
 *       {@code /drives/{drive-id}/items/{parent-id}:/{filename}:/content} agree;</li>
 *   <li>a key in parentheses is a key segment ({@link #ANY}): {@code /users('a@b.com')} and {@code /users(id="x")}
 *       are {@code /users/{key}}; named function parameters are one segment saying how many there are
 *       ({@code /reminderView(startDateTime=…,endDateTime=…)} is {@code /reminderView/{(2)}});</li>
 *   <li>a {@code microsoft.graph.} prefix of a segment (a type cast, a bound action or function) is dropped;</li>
 *   <li>template variables ({@code {id}}, {@code {id | userPrincipalName}}, {@code '{id}'}, {@code <id>}) are
 *       {@link #ANY} and match any one segment, and so does a variable written in the request itself
 *       ({@code PATCH /groups/{id}}, copied from the docs).</li>
 * </ul>
 */
public final class PathTemplate {

    /** A template segment or request segment that stands for any one segment. */
    public static final String ANY = "{}";
    /** Path addressing ({@code root:/a/b.txt:}): matches only path addressing. */
    public static final String PATH = "{:}";
    /** Prefix of a parenthesized argument list with named parameters: {@code {(2)}} holds two. */
    public static final String ARGS = "{(";

    private PathTemplate() {
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

    /** True for a segment that stands for a value: a variable ({@link #ANY}), path addressing, function parameters. */
    public static boolean isVariable(String seg) {
        return seg.startsWith("{");
    }

    /**
     * True when a documented path template fits a request path (both URLs or paths as written: scheme, host, API
     * version, query and the other differences of the normal form do not matter).
     */
    public static boolean templateMatches(String template, String path) {
        String[] t = segments(template);
        String[] a = segments(path);
        return t != null && a != null && t.length == a.length && matches(t, a);
    }

    /** True when template segments fit request segments of the same length, segment by segment (normal forms). */
    public static boolean matches(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!segmentMatches(template[i], actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** True when one template segment fits one request segment (normal forms). */
    public static boolean segmentMatches(String t, String a) {
        if (t.equals(PATH) || a.equals(PATH)) {
            return t.equals(a);
        }
        if (t.startsWith(ARGS)) {
            return isVariable(a); // a function's parameters: parameters, or a variable copied from the docs
        }
        if (isVariable(t)) {
            // a key: any segment, a key in parentheses, never a function call's parameter list
            return !a.isEmpty() && !(a.startsWith(ARGS) && arguments(a) >= 2);
        }
        return !isVariable(a) && t.equalsIgnoreCase(a);
    }

    /** How many named parameters a function-parameters segment ({@code {(2)}}) holds. */
    public static int arguments(String argsSegment) {
        return Integer.parseInt(argsSegment.substring(ARGS.length(), argsSegment.length() - 2));
    }

    /** The path part of a URL, API version dropped ({@link DocumentedOperation#requestPath} trims its trailing slash). */
    static String pathOf(String url) {
        return stripToPath(url, true);
    }

    /** The path part of a URL: no scheme and host, no leading {{variable}} or {version}, no query or fragment. */
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
        if (u.startsWith("~/")) {
            u = u.substring(1); // "~/onPremisesPublishingProfiles/…": the service root, as some templates write it
        }
        if (!u.startsWith("/")) {
            u = "/" + u;
        }
        // "/{version}/me/drive" (a placeholder for the API version, as some pages write it)
        if (u.startsWith("/{")) {
            int end = u.indexOf('}');
            if (end > 0 && u.substring(2, end).toLowerCase(Locale.ROOT).contains("version")) {
                u = u.substring(end + 1);
                if (!u.startsWith("/")) {
                    u = "/" + u;
                }
            }
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
     */
    public static String[] segments(String url) {
        if (url == null) {
            return null;
        }
        String p = stripToPath(url, true);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = p.length();
        StringBuilder seg = new StringBuilder();
        boolean pathAddressing = false; // inside "root:/a/b.txt:" (segments up to the closing ':')
        boolean pathHasSegments = false;
        while (i <= n) {
            char c = i < n ? p.charAt(i) : '/';
            if (c == '/') {
                String s = seg.toString().strip();
                seg.setLength(0);
                i++;
                if (pathAddressing) {
                    if (!s.isEmpty()) {
                        pathHasSegments = true;
                    }
                    if (s.endsWith(":") || i > n) {
                        pathAddressing = false;
                        if (pathHasSegments) {
                            out.add(PATH);
                        }
                    }
                    continue;
                }
                if (s.endsWith(":") && s.length() > 1) {
                    // "root:" or "{parent-id}:" opens path addressing, closed by the next segment ending with ':'
                    add(out, s.substring(0, s.length() - 1));
                    pathAddressing = i <= n;
                    pathHasSegments = false;
                    continue;
                }
                add(out, s);
            } else if (c == '(' && !pathAddressing) {
                // a key or function parameters: up to the matching ')', quotes respected; it may contain '/'
                int depth = 0;
                char quote = 0;
                int j = i;
                for (; j < n; j++) {
                    char d = p.charAt(j);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                }
                String inside = p.substring(i + 1, Math.min(j, n)).strip();
                add(out, seg.toString());
                seg.setLength(0);
                if (!inside.isEmpty()) {
                    int named = namedParameters(inside);
                    out.add(named > 0 ? ARGS + named + ")}" : ANY);
                }
                i = j + 1;
            } else {
                seg.append(c);
                i++;
            }
        }
        aliases(out);
        return out.toArray(new String[0]);
    }

    /** {@code /me} is {@code /users/{id}}. */
    private static void aliases(List<String> out) {
        if (!out.isEmpty() && out.get(0).equalsIgnoreCase("me")) {
            out.set(0, "users");
            out.add(1, ANY);
        }
    }

    /** How many {@code name=value} parameters a parenthesized list holds (outside quotes); 0 for a bare key. */
    private static int namedParameters(String inside) {
        int count = 0;
        char quote = 0;
        int depth = 0;
        boolean seenEq = false;
        for (int k = 0; k < inside.length(); k++) {
            char d = inside.charAt(k);
            if (quote != 0) {
                if (d == quote) {
                    quote = 0;
                }
            } else if (d == '\'' || d == '"') {
                quote = d;
            } else if (d == '(' || d == '[' || d == '{') {
                depth++;
            } else if (d == ')' || d == ']' || d == '}') {
                depth--;
            } else if (depth == 0 && d == '=' && !seenEq) {
                seenEq = true;
                count++;
            } else if (depth == 0 && d == ',') {
                seenEq = false;
            }
        }
        return count;
    }

    private static void add(List<String> out, String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip(); // '{bitlockerRecoveryKeyId}'
        }
        if (s.isEmpty()) {
            return;
        }
        if (s.startsWith("{") && s.endsWith("}") || s.startsWith("<") && s.endsWith(">")) {
            out.add(ANY); // {id}, {id | userPrincipalName}, {{id}}, <id>, {hostname},{spsite-id}
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

    /**
     * A drive request in the form its other documented templates use: a leading {@code /drive} is {@code /me/drive}; a
     * drive's {@code root} is {@code items/{id}}; with {@code collapsePath}, an item addressed by path
     * ({@code root:/a/b.txt:}, {@code items/{id}:/b.txt:}) is {@code items/{id}}. Null when nothing changes. One rule
     * for the request router and for the builder's example templates, which must agree for documented templates to win.
     */
    public static String[] driveAliases(String[] segs, boolean collapsePath) {
        List<String> out = new ArrayList<>(List.of(segs));
        boolean changed = false;
        if (!out.isEmpty() && out.get(0).equalsIgnoreCase("drive")) {
            out.add(0, "users");
            out.add(1, ANY);
            changed = true;
        }
        for (int k = 1; k < out.size(); k++) {
            String prev = out.get(k - 1);
            boolean inDrive = prev.equalsIgnoreCase("drive") || k >= 2 && isVariable(prev) && out.get(k - 2).equalsIgnoreCase("drives");
            if (inDrive && out.get(k).equalsIgnoreCase("root")) {
                out.set(k, "items");
                out.add(k + 1, ANY);
                changed = true;
            }
            if (collapsePath && k >= 2 && out.get(k).equals(PATH) && isVariable(prev) && out.get(k - 2).equalsIgnoreCase("items")) {
                out.remove(k);
                k--;
                changed = true;
            }
        }
        return changed ? out.toArray(new String[0]) : null;
    }
}
