package org.graphlint.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PropertyRow;

/**
 * What a lint run keeps of a page model for the checks that look across pages (the schema builder's index, the examples
 * pass, locale lag), from the first pass to the end of the run. A whole snapshot's models are held at once, and every
 * young collection copies what is held: so the kept model leaves out what only the first pass reads (front matter,
 * permissions, the parser's diagnostics, example headers, the text of response bodies: no later check reads them), and
 * the strings that repeat across thousands of rows (types, sections, type links, names shown as written) are shared.
 * Lints the same: a whole-snapshot run's findings are byte-identical with the full models (see lint/README.md).
 */
final class KeptModel {
    /** Shared spellings, across pages and threads. Bounded by the distinct types, sections and names of one run. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();

    /** The kept form of {@code m}: the same page for every later check, without what none of them reads. */
    PageModel of(PageModel m) {
        List<PropertyRow> rows = new ArrayList<>(m.properties().size());
        for (PropertyRow r : m.properties()) {
            String name = shared(r.name());
            rows.add(new PropertyRow(name, name != null && name.equals(r.localizedName()) ? name : r.localizedName(),
                    r.nameSource(), shared(r.type()), r.typeSource(), r.collection(), shared(r.typeLink()), r.description(),
                    shared(r.enumValues()), shared(r.section()), r.line()));
        }
        List<Example> examples = new ArrayList<>(m.examples().size());
        for (Example e : m.examples()) {
            // a response body's text is never checked (its parsed body is: the builder infers from it); request and
            // representation texts are, for a finding's line and column
            String text = e.kind() == Example.Kind.RESPONSE ? "" : e.bodyText();
            examples.add(new Example(e.kind(), e.method(), e.url(), e.status(), List.of(), text, e.body(), e.line(),
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
