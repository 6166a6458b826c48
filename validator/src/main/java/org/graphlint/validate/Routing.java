package org.graphlint.validate;

import java.util.List;
import java.util.Locale;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a routed request means for its body: the finding about the request line (if any), whether the body is checked,
 * and the built-in reference schema for {@code /$ref} requests. Kept apart from {@link PayloadValidator} so that the
 * rule "a body is never checked against another entity's schema" lives in one place.
 */
final class Routing {

    private Routing() {
    }

    /**
     * @param rule      the finding's rule, null when the request line is fine
     * @param skipBody  true when the body must not be checked (no schema is known for it)
     * @param reference the schema to check the body against instead of a catalog schema ({@code /$ref}), or null
     */
    record Decision(String rule, Severity severity, String message, boolean skipBody, SchemaVersion reference) {
        Finding finding() {
            return rule == null ? null : new Finding(null, 0, 0, 1, null, rule, severity, Category.HTTP, message, null);
        }
    }

    /** The body of {@code POST …/$ref}: one {@code @odata.id}, the URL of the object to link. */
    static final SchemaVersion REFERENCE = referenceVersion();

    private static SchemaVersion referenceVersion() {
        ObjectNode s = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(); // no mapper needed to build it
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("title", "reference body of a /$ref request");
        s.put("type", "object");
        ObjectNode id = s.putObject("properties").putObject("@odata.id");
        id.put("type", "string");
        id.put("minLength", 1);
        s.putArray("required").add("@odata.id");
        s.put("additionalProperties", false);
        return new SchemaVersion("$ref", OperationKind.CREATE, "builtin", s, List.of(), List.of());
    }

    static Decision decide(RequestRouter.Route route, Catalog cat, String method, boolean hasBody) {
        String m = method.strip().toUpperCase(Locale.ROOT);
        switch (route.kind()) {
            case UNKNOWN: {
                String near = route.nearest().isEmpty() ? " (the " + cat.apiVersion() + " catalog documents no operations)"
                        : "; did you mean " + route.nearest().get(0) + "?" + (route.nearest().size() < 2 ? ""
                        : " (also near: " + String.join(", ", route.nearest().subList(1, route.nearest().size())) + ")");
                return new Decision("http-operation", Severity.ERROR, m + " " + route.path()
                        + " is not a documented " + cat.apiVersion() + " operation" + near
                        + (hasBody ? " (the body was not checked)" : ""), true, null);
            }
            case REFERENCE: {
                boolean sends = m.equals("POST") || m.equals("PUT");
                if (sends && !hasBody) {
                    return new Decision("http-body", Severity.ERROR, m + " " + route.operation().pathTemplate()
                            + " takes a reference body ({\"@odata.id\": \"https://graph.microsoft.com/…\"}), and this request has none",
                            true, null);
                }
                return sends ? new Decision(null, null, null, false, REFERENCE) : noBodyExpected(m, route, hasBody);
            }
            case MEDIA: {
                if (!hasBody) {
                    return new Decision(null, null, null, true, null);
                }
                boolean sends = m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
                if (!sends) {
                    return noBodyExpected(m, route, hasBody);
                }
                return new Decision("http-body-unchecked", Severity.WARNING, m + " " + route.operation().pathTemplate() + " sends the media"
                        + " content of " + route.operation().entity() + " ($value: an image, a file, a document), not its"
                        + " JSON; graphlint has no schema for that content, so the body was not checked", true, null);
            }
            default:
                break;
        }
        DocumentedOperation op = route.operation();
        if (!RequestRouter.takesBody(op)) {
            if (m.equals("GET") && op.operation() == OperationKind.RESOURCE && hasBody) {
                return new Decision(null, null, null, false, null); // a response body pasted under its request: check as the resource
            }
            return noBodyExpected(m, route, hasBody);
        }
        boolean hasSchema = !cat.versions(op.entity(), op.operation()).isEmpty();
        if (!hasBody) {
            if (op.operation() == OperationKind.ACTION) {
                return new Decision(null, null, null, true, null); // an action without parameters
            }
            return new Decision("http-body", Severity.ERROR, m + " " + op.pathTemplate() + " takes a JSON "
                    + op.entity() + " body, and this request has none", true, null);
        }
        if (!hasSchema) {
            return new Decision("http-body-unchecked", Severity.WARNING, m + " " + op.pathTemplate() + " is documented ("
                    + describe(op) + "), but the " + cat.apiVersion()
                    + " catalog has no schema for its body, so the body was not checked", true, null);
        }
        return new Decision(null, null, null, false, null);
    }

    private static Decision noBodyExpected(String m, RequestRouter.Route route, boolean hasBody) {
        if (!hasBody) {
            return new Decision(null, null, null, true, null);
        }
        return new Decision("http-body", Severity.WARNING, m + " " + route.operation().pathTemplate()
                + " takes no request body; the body was not checked", true, null);
    }

    private static String describe(DocumentedOperation op) {
        return op.operation() == OperationKind.ACTION ? "action or function `" + op.entity() + "`"
                : op.entity() + " " + op.operation().id();
    }

    /**
     * The body without a top-level {@code $schema} (how editors attach a schema to a fixture): it is not part of the
     * payload Graph receives. The same node when there is none.
     */
    static JsonNode withoutSchemaKeyword(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("$schema")) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("$schema");
        return copy;
    }

    private static final java.util.regex.Pattern SCHEMA_FILE = java.util.regex.Pattern.compile(
            "(?:^|[/:])([A-Za-z0-9_.$-]+)[/:](create|update|resource|action)[/:][^/:]+?(?:\\.schema\\.json)?$");

    /**
     * The entity and operation a top-level {@code $schema} names when it points at a graphlint schema file or id
     * ({@code …/beta/user/update/2021-07-07.schema.json}, {@code urn:graphlint:beta:user:update:2021-07-07}); null
     * otherwise.
     */
    static String[] attachedSchema(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode s = body.get("$schema");
        if (s == null || !s.isString()) {
            return null;
        }
        java.util.regex.Matcher m = SCHEMA_FILE.matcher(s.asString().strip());
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    /**
     * A JSON fixture's file name passed where a request line's entity would go: a weak hint, used only after
     * {@code $schema} and {@code @odata.type} (see {@link #entityInName}).
     */
    private static final String NAME_MARK = "\u0000file:";

    static String fileName(String name) {
        return name == null ? null : NAME_MARK + name;
    }

    static boolean isFileName(String hint) {
        return hint != null && hint.startsWith(NAME_MARK);
    }

    static String fileNameOf(String hint) {
        return hint.substring(NAME_MARK.length());
    }

    /** {@code vppToken} of {@code #microsoft.graph.vppToken}. */
    static String typeName(String odataType) {
        String t = odataType.strip();
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t.replace("#", "");
    }

    /**
     * The entity a file name states as a word, or as two or three adjacent words ({@code user-create.json} is user,
     * {@code vppToken.update.json} is vppToken, {@code device-configuration-1.json} is deviceConfiguration); when the
     * name states none, the nearest folder that states one ({@code payloads/vppToken/2021-03-23/create-valid.json} is
     * vppToken). Null when none does, or a name states several different ones.
     */
    static String entityInName(String fileName, java.util.Map<String, String> lowerToEntity) {
        // Split by hand, not String.split: a regular expression compiled for every fixture was a tenth of the CPU a
        // JSON fixture costs in a 10,000-file run. Separators: '/' and '\\' between parts, anything but an ASCII
        // letter or digit between words (empty parts and words are skipped, as String.split's were).
        int end = fileName.length();
        for (int depth = 0; depth < 4 && end > 0; ) {
            while (end > 0 && isSlash(fileName.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                break;
            }
            int start = end;
            while (start > 0 && !isSlash(fileName.charAt(start - 1))) {
                start--;
            }
            int wordsEnd = end;
            if (depth == 0) {
                int dot = fileName.lastIndexOf('.', end - 1);
                if (dot > start) {
                    wordsEnd = dot;
                }
            }
            Object r = entityInWords(fileName, start, wordsEnd, lowerToEntity);
            if (r == AMBIGUOUS) {
                return null;
            }
            if (r != null) {
                return (String) r;
            }
            end = start;
            depth++;
        }
        return null;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static final Object AMBIGUOUS = new Object();

    /**
     * The entity that one, two or three adjacent words of {@code s[from, to)} (runs of ASCII letters and digits) name,
     * longest runs first; {@link #AMBIGUOUS} when runs of the same length name different ones. Words are kept as
     * offsets and each candidate is lower-cased into one buffer: a fixture's name costs one short string per candidate
     * (a 10,000-file run made ~13 MB of substrings, builders and lower-cased copies here).
     */
    private static Object entityInWords(String s, int from, int to, java.util.Map<String, String> lowerToEntity) {
        int[] starts = new int[8];
        int[] ends = new int[8];
        int count = 0;
        int i = from;
        while (i < to) {
            while (i < to && !isWordChar(s.charAt(i))) {
                i++;
            }
            int a = i;
            while (i < to && isWordChar(s.charAt(i))) {
                i++;
            }
            if (i > a) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                    ends = java.util.Arrays.copyOf(ends, count * 2);
                }
                starts[count] = a;
                ends[count] = i;
                count++;
            }
        }
        char[] buf = new char[Math.max(0, to - from)];
        for (int n = 3; n >= 1; n--) {
            String found = null;
            for (int w = 0; w + n <= count; w++) {
                int len = 0;
                for (int j = w; j < w + n; j++) {
                    for (int k = starts[j]; k < ends[j]; k++) {
                        char c = s.charAt(k);
                        buf[len++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                    }
                }
                String e = lowerToEntity.get(new String(buf, 0, len));
                if (e != null) {
                    if (found != null && !found.equals(e)) {
                        return AMBIGUOUS;
                    }
                    found = e;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
