package org.graphlint.schema;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance run over a whole docs snapshot (run by {@code schema/acceptance.sh}, not by the unit tests):
 * <ol>
 *   <li>parses every page (single thread, timed) and builds the catalog from the models (timed), so that the two
 *       figures are measured side by side in one run;</li>
 *   <li>checks every schema (each catalog version and each page's own schema) against the 2020-12 meta-schema;</li>
 *   <li>validates every JSON request example of every method page against that page's schema and sorts the failures
 *       by cause: doc errors (the example disagrees with the page's own table) and builder gaps.</li>
 * </ol>
 * Usage: {@code Acceptance [--list N] [--rounds N] PATH...}
 */
public final class Acceptance {

    private Acceptance() {
    }

    public static void main(String[] args) throws IOException {
        int list = 5;
        int rounds = 1;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> list = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> paths.add(Path.of(args[i]));
            }
        }
        List<PageSource.PageFile> files = PageSource.list(paths);
        System.out.printf("pages: %d under %s%n", files.size(), paths);

        // ---- timing: parse vs build, side by side, best of N rounds (round 1 warms the JIT)
        List<CatalogBuilder.Input> inputs = null;
        CatalogBuilder.Result result = null;
        long bestParse = Long.MAX_VALUE;
        long bestBuild = Long.MAX_VALUE;
        int unreadable = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<CatalogBuilder.Input> in = new ArrayList<>(files.size());
            int bad = 0;
            for (PageSource.PageFile f : files) {
                try {
                    in.add(new CatalogBuilder.Input(PageParser.parse(f.path()), f.name()));
                } catch (PageReadException e) {
                    bad++;
                }
            }
            long t1 = System.nanoTime();
            CatalogBuilder.Result res = CatalogBuilder.build(in);
            long t2 = System.nanoTime();
            bestParse = Math.min(bestParse, t1 - t0);
            bestBuild = Math.min(bestBuild, t2 - t1);
            System.out.printf("round %d: parse %.2f s, build catalog %.2f s (%.2fx parse)%n", r + 1, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0));
            inputs = in;
            result = res;
            unreadable = bad;
        }
        System.out.printf("best: parse %.2f s (%.0f pages/s), build catalog %.2f s: build/parse = %.2f (target < 2)%n",
                bestParse / 1e9, files.size() / (bestParse / 1e9), bestBuild / 1e9, (double) bestBuild / bestParse);
        System.out.printf("unreadable pages: %d%n", unreadable);

        Catalog catalog = result.catalog();
        int versions = 0;
        int invalidSchemas = 0;
        for (Catalog c : catalog.byApiVersion().values()) {
            for (SchemaVersion v : c.allVersions()) {
                versions++;
                List<Error> errs = Schemas.checkAgainstMetaSchema(v.schema());
                if (!errs.isEmpty()) {
                    invalidSchemas++;
                    if (invalidSchemas <= list) {
                        System.out.println("  INVALID " + c.apiVersion() + " " + v.entity() + " " + v.operation().id() + ": " + errs.get(0));
                    }
                }
            }
        }
        Map<String, Integer> perOp = new TreeMap<>();
        for (Catalog c : catalog.byApiVersion().values()) {
            for (SchemaVersion v : c.allVersions()) {
                perOp.merge(c.apiVersion() + " " + v.operation().id(), 1, Integer::sum);
            }
        }
        System.out.printf("catalog: %d schema versions %s, %d entities (beta) / %d (v1.0); invalid against the 2020-12 meta-schema: %d%n",
                versions, perOp, catalog.forApiVersion("beta").entities().size(),
                catalog.forApiVersion("v1.0").entities().size(), invalidSchemas);

        // ---- request examples against their page's schema
        List<PageFacts> facts = new ArrayList<>();
        for (CatalogBuilder.Input in : inputs) {
            facts.add(PageFacts.of(in.page(), in.file()));
        }
        SchemaBuilder builder = new SchemaBuilder(new PageIndex(facts));
        int pageSchemas = 0;
        int invalidPageSchemas = 0;
        int examples = 0;
        int pass = 0;
        Map<String, List<String>> failures = new TreeMap<>();
        int nonJson = 0;
        int media = 0;
        List<String> otherOps = new ArrayList<>();
        for (PageFacts p : facts) {
            PageModel m = p.page();
            if (m.kind() != PageKind.METHOD) {
                continue;
            }
            List<Example> all = m.examples().stream()
                    .filter(e -> e.kind() == Example.Kind.REQUEST && e.body() != null && !PageFacts.mediaRequest(e)).toList();
            // a request to …/$value sends media content (an image, a page's strings), not the entity's JSON
            media += (int) m.examples().stream().filter(e -> e.body() != null && PageFacts.mediaRequest(e)).count();
            // A request with a method the page does not document is an example of another operation: this page's
            // schema does not describe it.
            List<Example> own = PageFacts.ownExamples(m);
            List<Example> reqs = all.stream().filter(e -> own.stream().anyMatch(x -> x == e)).toList();
            for (Example e : all) {
                if (!reqs.contains(e)) {
                    otherOps.add(p.file() + ":" + e.line() + " " + e.method() + " (page documents "
                            + m.operations().stream().map(o -> o.method()).distinct().toList() + ")");
                }
            }
            long declaredJson = m.examples().stream().filter(e -> e.kind() == Example.Kind.REQUEST && e.body() == null
                    && !e.bodyText().isBlank() && looksJson(e)).count();
            nonJson += (int) declaredJson;
            if (reqs.isEmpty()) {
                continue;
            }
            Optional<SchemaBuilder.Built> built = builder.build(p);
            if (built.isEmpty()) {
                for (Example e : reqs) {
                    examples++;
                    add(failures, "builder gap: no schema for the page (no request body table, no usable example)", p, e, "");
                }
                continue;
            }
            pageSchemas++;
            JsonNode schema = built.get().schema();
            if (!Schemas.checkAgainstMetaSchema(schema).isEmpty()) {
                invalidPageSchemas++;
            }
            for (Example e : reqs) {
                examples++;
                List<Error> errs;
                try {
                    errs = Schemas.validate(schema, e.body());
                } catch (RuntimeException ex) {
                    add(failures, "builder gap: validator threw " + ex.getClass().getSimpleName(), p, e, org.graphlint.parser.Text.oneLine(ex.getMessage()));
                    continue;
                }
                if (errs.isEmpty()) {
                    pass++;
                    continue;
                }
                Error first = errs.get(0);
                add(failures, classify(p, first, schema), p, e, first.toString());
            }
        }
        System.out.printf("page schemas: %d built from method pages with request examples, invalid against the meta-schema: %d%n",
                pageSchemas, invalidPageSchemas);
        System.out.printf("request examples (JSON): %d checked, %d pass (%.1f%%), %d fail; %d more request bodies are not valid JSON (parser diagnostics)%n",
                examples, pass, examples == 0 ? 0 : 100.0 * pass / examples, examples - pass, nonJson);
        System.out.printf("request examples of an operation the page does not document (other method, not checked): %d%n",
                otherOps.size());
        System.out.printf("request examples sending media content to a /$value path (not JSON of the entity, not checked): %d%n",
                media);
        for (String o : otherOps.subList(0, Math.min(list, otherOps.size()))) {
            System.out.println("           " + o);
        }
        Map<String, Integer> byClass = new LinkedHashMap<>();
        failures.forEach((k, v) -> byClass.merge(k.substring(0, k.indexOf(':')), v.size(), Integer::sum));
        System.out.println("failures by cause: " + byClass);
        for (Map.Entry<String, List<String>> f : failures.entrySet()) {
            System.out.printf("  %5d  %s%n", f.getValue().size(), f.getKey());
            for (String s : f.getValue().subList(0, Math.min(list, f.getValue().size()))) {
                System.out.println("           " + s);
            }
        }
    }

    /** True when a response example of the page has this top-level property (or in its value list). */
    private static boolean inResponses(PageFacts p, String prop) {
        for (Example e : p.page().examples()) {
            if (e.kind() != Example.Kind.RESPONSE || e.body() == null) {
                continue;
            }
            JsonNode b = e.body();
            if (b.has(prop)) {
                return true;
            }
            for (JsonNode v : b.path("value")) {
                if (v.has(prop)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksJson(Example e) {
        String t = e.bodyText().strip();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static void add(Map<String, List<String>> failures, String cause, PageFacts p, Example e, String detail) {
        failures.computeIfAbsent(cause, k -> new ArrayList<>()).add(p.file() + ":" + e.line() + " " + detail);
    }

    /** Why an example fails its page's schema: the page contradicts itself (doc error) or the builder fell short. */
    static String classify(PageFacts p, Error err, JsonNode schema) {
        String kw = err.getKeyword() == null ? "?" : err.getKeyword();
        String prop = err.getProperty();
        List<PropertyRow> rows = p.requestBodyRows();
        switch (kw) {
            case "additionalProperties": {
                for (PropertyRow r : rows) {
                    if (!r.nameSource().recovered() && prop != null
                            && (prop.equalsIgnoreCase(r.localizedName()) || prop.equalsIgnoreCase(r.name()))) {
                        return "builder gap: property row skipped (name not recovered)";
                    }
                }
                for (PropertyRow r : rows) {
                    if (prop != null && prop.equalsIgnoreCase(r.name()) && !prop.equals(r.name())) {
                        return "doc error: example property differs in case from the table";
                    }
                }
                boolean nested = err.getInstanceLocation() != null && err.getInstanceLocation().getNameCount() > 0;
                if (!nested && prop != null && inResponses(p, prop)) {
                    return "builder gap: property the service returns but the type page does not list (inherited from a base type?)";
                }
                if (rows.isEmpty()) {
                    return "doc error: example property not in the entity's documented properties";
                }
                return nested ? "doc error: nested example property not documented on its type page"
                        : "doc error: example property not in the request body table";
            }
            case "type":
                return "doc error: example value has the wrong JSON type for the documented type";
            case "enum": {
                JsonNode value = err.getInstanceNode();
                JsonNode allowed = err.getSchemaNode();
                if (value != null && value.isString() && allowed != null && allowed.isArray()) {
                    for (JsonNode a : allowed) {
                        if (a.isString() && a.asString().equalsIgnoreCase(value.asString())) {
                            return "doc error: example enum value differs in case from the documented one";
                        }
                    }
                }
                return "doc error: example value not among the documented values";
            }
            case "format":
                return "doc error: example value is not a valid " + err.getSchemaNode();
            case "pattern": {
                String where = err.getInstanceLocation() == null ? "" : err.getInstanceLocation().toString();
                if (where.endsWith("@odata.type") && err.getInstanceLocation().getNameCount() == 1) {
                    JsonNode v = err.getInstanceNode();
                    if (v != null && v.isString() && v.asString().matches("^#?[Mm]icrosoft\\.[Gg]raph\\..*")) {
                        return "builder gap: example names a derived type at the top (inheritance is not in the page model)";
                    }
                }
                if (where.endsWith("@odata.type")) {
                    return "doc error: @odata.type outside the microsoft.graph namespace";
                }
                return "doc error: example value does not match the documented type's syntax";
            }
            case "required":
                return "doc error: example omits a property the table marks Required";
            case "minimum":
            case "maximum":
                return "doc error: example number out of the documented type's range";
            default:
                return "unclassified: " + kw.toLowerCase(Locale.ROOT);
        }
    }
}
