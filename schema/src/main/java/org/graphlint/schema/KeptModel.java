package org.graphlint.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;

/**
 * What a lint run keeps of a page model for the checks that look across pages (the schema builder's index, the examples
 * pass, locale lag), from the first pass to the end of the run, and what {@code schemas build} keeps of a page from its
 * parse to the end of the build. A whole snapshot's models are held at once, and every
 * young collection copies what is held: so the kept model leaves out what only the first pass reads (front matter,
 * permissions, the parser's diagnostics, example headers, the text of response bodies: no later check reads them; and
 * the parsed response bodies of every page whose own schema the run does not build, see {@link #of(PageModel, boolean)}), and
 * what repeats across pages is held once: the strings of thousands of rows (types, sections, type links, names shown as
 * written, descriptions: a snapshot's beta and v1.0 trees document most types twice, and 72 % of ru-RU's descriptions
 * repeat one seen before), example texts, and example bodies (a quarter of ru-RU's body nodes repeat one).
 * Lints the same: a whole-snapshot run's findings are byte-identical with the full models (see lint/README.md).
 */
public final class KeptModel {
    /** Shared spellings, across pages and threads. Bounded by the distinct strings kept by one run. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();
    /**
     * Shared example bodies, across pages and threads: the first body kept of each content. Equal as Jackson compares
     * them (object members in any order), then checked member by member in order ({@link #sameTree}): a body is shared
     * only with one that iterates the same.
     */
    private final Map<JsonNode, JsonNode> bodies = new ConcurrentHashMap<>();

    /** Kept pages share their equal content through this instance (one per run). */
    public KeptModel() {
    }

    /** The kept form of {@code m} with its response bodies: the same page for every later check. */
    public PageModel of(PageModel m) {
        return of(m, true);
    }

    /**
     * The kept form of {@code m}: the same page for every later check, without what none of them reads. A response
     * body is read after the first pass only by the build of its own page's schema (the builder reads the top page's
     * responses: properties they show, enum values they use) or, for a resource page's build, of the entity's method
     * pages (only locale lag builds resource pages): {@code responses} false leaves the bodies out (the examples stay,
     * with kind, method, URL and status, for the builder's reading of which examples are the page's own). Most of a
     * snapshot's responses are those of GET and list pages (ru-RU holds ~70 MB after the last collection instead of
     * ~78 MB).
     */
    public PageModel of(PageModel m, boolean responses) {
        List<PropertyRow> rows = new ArrayList<>(m.properties().size());
        for (PropertyRow r : m.properties()) {
            String name = shared(r.name());
            rows.add(new PropertyRow(name, name != null && name.equals(r.localizedName()) ? name : shared(r.localizedName()),
                    r.nameSource(), shared(r.type()), r.typeSource(), r.collection(), shared(r.typeLink()),
                    shared(r.description()), shared(r.enumValues()), shared(r.section()), r.line()));
        }
        List<Example> examples = new ArrayList<>(m.examples().size());
        for (Example e : m.examples()) {
            // a response body's text is never checked (its parsed body is: the builder infers from it); request and
            // representation texts are, for a finding's line and column
            boolean response = e.kind() == Example.Kind.RESPONSE;
            String text = response ? "" : shared(e.bodyText());
            JsonNode body = response && !responses ? null : shared(e.body());
            examples.add(new Example(e.kind(), e.method(), e.url(), e.status(), List.of(), text, body, e.line(),
                    e.bodyLine(), e.declaredType()));
        }
        return new PageModel(m.file(), m.format(), Map.of(), m.locale(), m.lastHandoff(), m.sourceCommit(),
                m.openLocFileHash(), m.title(), m.kind(), m.operations(), List.of(), rows, m.enumMembers(), examples,
                List.of(), m.baseType(), m.declaredType(), m.declaredKey(), m.openType());
    }

    private String shared(String s) {
        if (s == null) {
            return null;
        }
        String had = strings.putIfAbsent(s, s);
        return had == null ? s : had;
    }

    private JsonNode shared(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode had = bodies.putIfAbsent(body, body);
        return had == null || !sameTree(had, body) ? body : had;
    }

    /** The same tree, node for node: same node classes, values, and object members in the same order. */
    static boolean sameTree(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> x = a.properties().iterator();
            Iterator<Map.Entry<String, JsonNode>> y = b.properties().iterator();
            while (x.hasNext()) {
                Map.Entry<String, JsonNode> ex = x.next();
                Map.Entry<String, JsonNode> ey = y.next();
                if (!ex.getKey().equals(ey.getKey()) || !sameTree(ex.getValue(), ey.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameTree(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private List<String> shared(List<String> values) {
        if (values.isEmpty()) {
            return values;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(shared(v));
        }
        return out;
    }
}
