package org.graphlint.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graphlint.parser.Example;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.Operation;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;

/**
 * What the schema builder needs to know about a page beyond its model: its Graph API version, its doc slug
 * ({@code resources/intune-onboarding-vpptoken}), the type it documents and, for a method page, the entity and
 * operation.
 *
 * @param page       the page
 * @param file       the page's file relative to the build root, with forward slashes
 * @param apiVersion {@code beta} or {@code v1.0}
 * @param slug       {@code api/...} or {@code resources/...} slug, lower case, or null when the path does not say
 * @param typeName   the type a resource, complex type or enum page documents ({@code vppTokenState}), or null
 * @param entity     the entity a method page's body describes, or null
 * @param operation  CREATE or UPDATE for a method page that creates or updates an entity, RESOURCE for a resource page or
 *                   a GET method page, null otherwise (actions, functions, deletes, other pages)
 * @param kind       what the page documents as far as schemas go: the parser's kind, except that a type page with a
 *                   Properties table is a resource (when it has an {@code id}) or a complex type, never an enum (some
 *                   resource pages carry Member/Value-like tables)
 */
public record PageFacts(PageModel page, String file, String apiVersion, String slug, String typeName, String entity,
        OperationKind operation, PageKind kind) {

    private static final Pattern API_IN_PATH = Pattern.compile("(?:^|/)(beta|v1\\.0)/(api|resources)/([^/]+?)(?:\\.md)?(?:/[^/]*)?$");
    private static final Pattern API_IN_URL = Pattern.compile("graph\\.microsoft\\.com/(beta|v1\\.0)/");
    private static final Pattern TYPE_TITLE = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s+(?:resource type|complex type|entity type|enum type|enumeration type|type|resource|object|enum)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERB_TITLE = Pattern.compile(
            "^\\s*(Create|Update|Add|Get|List|Post|Patch|Put|Upsert)\\s+(?:a\\s+|an\\s+|new\\s+)*([A-Za-z_][A-Za-z0-9_]*)\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** Facts for a page whose file is given relative to the build root. */
    public static PageFacts of(PageModel page, String file) {
        String f = file.replace('\\', '/');
        String api = null;
        String slug = null;
        Matcher m = API_IN_PATH.matcher(f);
        if (m.find()) {
            api = m.group(1);
            slug = (m.group(2) + "/" + m.group(3)).toLowerCase(Locale.ROOT);
        }
        if (api == null) {
            api = apiFromExamples(page).orElse(Catalog.DEFAULT_API_VERSION);
        }
        String typeName = null;
        String entity = null;
        OperationKind op = null;
        PageKind kind = page.kind(); // decided once, by the parser
        if (kind == PageKind.RESOURCE || kind == PageKind.COMPLEX_TYPE || kind == PageKind.ENUM) {
            typeName = typeNameOf(page, slug);
            if (kind == PageKind.RESOURCE && typeName != null) {
                entity = typeName;
                op = OperationKind.RESOURCE;
            }
        } else if (kind == PageKind.METHOD) {
            op = methodOperation(page);
            if (op != null) {
                entity = methodEntity(page, op).orElse(null);
                if (entity == null) {
                    op = null;
                }
            }
        }
        return new PageFacts(page, f, api, slug, typeName, entity, op, kind);
    }

    /** The API version the page's example URLs name. */
    static Optional<String> apiFromExamples(PageModel page) {
        for (Example e : page.examples()) {
            if (e.url() != null) {
                Matcher m = API_IN_URL.matcher(e.url());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String typeNameOf(PageModel page, String slug) {
        // The page's resource metadata block declares the type's own identifier ("microsoft.graph.baseItem"), where
        // the title may be a phrase or cased otherwise ("BaseItem resource type", "Chart resource type")
        String en = page.title() == null ? null : page.title().english();
        if (page.declaredType() != null) {
            String d = stripNamespace(page.declaredType());
            if (Identifiers.isName(d)) {
                // all lower case ("microsoft.graph.orgcontact") where the title has the camel case (orgContact, not
                // a capitalized Contract): the title's
                Matcher t = en == null ? null : TYPE_TITLE.matcher(en);
                String titled = t != null && t.matches() ? stripNamespace(t.group(1)) : null;
                if (d.equals(d.toLowerCase(Locale.ROOT)) && titled != null && titled.equalsIgnoreCase(d)
                        && Character.isLowerCase(titled.charAt(0)) && !titled.equals(d)) {
                    return stripNamespace(t.group(1));
                }
                return d;
            }
        }
        if (en != null) {
            Matcher m = TYPE_TITLE.matcher(en);
            if (m.matches()) {
                return stripNamespace(m.group(1));
            }
        }
        // The JSON representation (or any example) names the type in its top-level @odata.type.
        for (Example e : page.examples()) {
            Optional<String> t = odataType(e.body());
            if (t.isPresent()) {
                return t.get();
            }
        }
        String loc = page.title() == null ? null : page.title().localized();
        if (loc != null) {
            for (String w : loc.split("[\\s:]+")) {
                if (Identifiers.isName(w) && !w.equals(w.toLowerCase(Locale.ROOT)) && Character.isLowerCase(w.charAt(0))) {
                    return w; // camelCase identifier inside a localized title
                }
            }
        }
        return null;
    }

    /** {@code #microsoft.graph.vppToken} in a body's top level, as {@code vppToken}. */
    static Optional<String> odataType(JsonNode body) {
        if (body != null && body.isObject()) {
            JsonNode t = body.get("@odata.type");
            if (t != null && t.isString()) {
                String s = stripNamespace(t.asString());
                if (Identifiers.isName(s)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    static String stripNamespace(String t) {
        String s = t.strip();
        if (s.startsWith("#")) {
            s = s.substring(1);
        }
        if (s.regionMatches(true, 0, "microsoft.graph.", 0, 16)) {
            s = s.substring(16);
            int dot = s.lastIndexOf('.');
            if (dot >= 0) {
                s = s.substring(dot + 1); // a sub-namespace: microsoft.graph.ediscovery.legalHold
            }
        }
        return s;
    }

    private static OperationKind methodOperation(PageModel page) {
        Operation o = page.operation();
        if (o == null || o.method() == null) {
            return null;
        }
        String method = o.method().toUpperCase(Locale.ROOT);
        switch (method) {
            case "PATCH":
            case "PUT":
                return OperationKind.UPDATE;
            case "GET":
                return OperationKind.RESOURCE;
            case "POST":
                break;
            default:
                return null;
        }
        String en = page.title() == null ? null : page.title().english();
        if (en != null) {
            String first = en.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (first.equals("create") || first.equals("add") || first.equals("post")) {
                return OperationKind.CREATE;
            }
            return null; // an action ("syncLicenses action", "Assign license")
        }
        for (Example e : ownExamples(page)) {
            if (e.kind() == Example.Kind.RESPONSE && e.status() != null && e.status() == 201) {
                return OperationKind.CREATE;
            }
        }
        return null;
    }

    private static Optional<String> methodEntity(PageModel page, OperationKind op) {
        if (op != OperationKind.RESOURCE) {
            for (Example e : ownExamples(page)) {
                if (e.kind() == Example.Kind.REQUEST) {
                    Optional<String> t = odataType(e.body());
                    if (t.isPresent()) {
                        return t;
                    }
                }
            }
        }
        String en = page.title() == null ? null : page.title().english();
        if (en != null) {
            Matcher m = VERB_TITLE.matcher(en);
            if (m.matches()) {
                String w = m.group(2);
                if (op == OperationKind.RESOURCE && m.group(1).equalsIgnoreCase("list") && w.endsWith("s")) {
                    w = w.substring(0, w.length() - 1);
                }
                return Optional.of(w);
            }
        }
        for (Example e : ownExamples(page)) {
            if (e.kind() == Example.Kind.RESPONSE) {
                Optional<String> t = odataType(e.body());
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The examples of the page's own operation, in page order. A request whose HTTP method is none of the methods the
     * page's HTTP request section documents, sent to a path none of its path templates matches, is an example of
     * another operation (a publish page that also shows the PATCH approving the published app definition): it, and
     * the responses up to the next request, say nothing about this page's body. A documented path with another method
     * stays the page's own (a wrong method in the example is the page's error, its body still this operation's).
     * Pages that document no method keep every example.
     */
    public static List<Example> ownExamples(PageModel page) {
        java.util.Set<String> methods = new java.util.HashSet<>();
        for (Operation o : page.operations()) {
            if (o.method() != null && !o.method().isBlank()) {
                methods.add(o.method().strip().toUpperCase(Locale.ROOT));
            }
        }
        if (methods.isEmpty()) {
            return page.examples();
        }
        List<Example> out = new java.util.ArrayList<>();
        boolean own = true;
        for (Example e : page.examples()) {
            if (e.kind() == Example.Kind.REQUEST) {
                own = e.method() == null || methods.contains(e.method().strip().toUpperCase(Locale.ROOT))
                        || e.url() == null || page.operations().stream()
                                .anyMatch(o -> o.path() != null && pathMatches(o.path(), requestPath(e.url())));
            }
            if (own || e.kind() == Example.Kind.REPRESENTATION) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * True for a request to an entity's media content ({@code GET …/$value}, {@code PUT …/$value}): its body, and the
     * body of the response that answers it, are the content of a stream (a photo, a page's localized strings), not the
     * entity's JSON.
     */
    public static boolean mediaRequest(Example e) {
        if (e.kind() != Example.Kind.REQUEST || e.url() == null) {
            return false;
        }
        String path = requestPath(e.url());
        return path != null && path.regionMatches(true, Math.max(0, path.length() - 7), "/$value", 0, 7);
    }

    /**
     * The examples without the requests to media content and the responses answering them ({@link #mediaRequest}):
     * those bodies show no property of the entity.
     */
    public static List<Example> withoutMediaContent(List<Example> examples) {
        List<Example> out = new java.util.ArrayList<>(examples.size());
        boolean media = false;
        for (Example e : examples) {
            if (e.kind() == Example.Kind.REQUEST) {
                media = mediaRequest(e);
            }
            if (!media || e.kind() == Example.Kind.REPRESENTATION) {
                out.add(e);
            }
        }
        return out;
    }

    /** The path of a request URL, comparable with a path template. */
    static String requestPath(String url) {
        return DocumentedOperation.requestPath(url);
    }

    /** True when the path fits the template ({@link PathTemplate}, the matcher the request router uses too). */
    static boolean pathMatches(String template, String path) {
        return PathTemplate.templateMatches(template, path);
    }

    /** True when the example is one of the page's own operation ({@link #ownExamples}). */
    public boolean ownsExample(Example e) {
        return ownExamples(page).stream().anyMatch(x -> x == e);
    }

    /** The same facts naming another entity (the builder canonicalizes the case of entity names against type pages). */
    public PageFacts withEntity(String newEntity) {
        return new PageFacts(page, file, apiVersion, slug, typeName, newEntity, operation, kind);
    }

    /** The same facts for a type page whose type name is spelt otherwise (a resource page's entity follows it). */
    public PageFacts withTypeName(String newTypeName) {
        String e = entity != null && entity.equals(typeName) ? newTypeName : entity;
        return new PageFacts(page, file, apiVersion, slug, newTypeName, e, operation, kind);
    }

    /** The rows of the page's request body table (method pages). */
    public List<PropertyRow> requestBodyRows() {
        List<PropertyRow> rows = page.propertiesIn("Request body");
        if (rows.isEmpty() && kind == PageKind.METHOD) {
            rows = firstSection(page.properties());
        }
        return rows;
    }

    /** The rows of the page's Properties table (type pages). */
    public List<PropertyRow> propertyRows() {
        return page.typeRows();
    }

    /** The rows of the page's Relationships table (resource pages). */
    public List<PropertyRow> relationshipRows() {
        return page.propertiesIn("Relationships");
    }

    private static List<PropertyRow> firstSection(List<PropertyRow> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        String s = all.get(0).section();
        return all.stream().filter(r -> java.util.Objects.equals(s, r.section())).toList();
    }
}
