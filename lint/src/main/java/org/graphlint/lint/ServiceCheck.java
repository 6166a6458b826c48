package org.graphlint.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PropertyRow;
import org.graphlint.schema.PageFacts;

/**
 * Docs vs service: a type page against the type the service metadata declares. Properties (and enum members) the service
 * declares that the page does not document, and the reverse. Only names whose English is known are compared (a plain
 * page's unresolved row is the parser's finding, not this rule's).
 */
final class ServiceCheck {

    private ServiceCheck() {
    }

    static void check(LintPage p, ServiceMetadata md, String api, List<LintFinding> out) {
        PageFacts f = p.facts();
        if (f.typeName() == null || (api != null && !api.equals(f.apiVersion()))) {
            return;
        }
        Optional<ServiceMetadata.Type> t = md.type(f.typeName());
        if (t.isEmpty()) {
            return;
        }
        Map<String, Integer> documented = new LinkedHashMap<>(); // name -> line
        String what;
        if (f.kind() == PageKind.ENUM) {
            if (!t.get().kind().equals("EnumType")) {
                return;
            }
            what = "member";
            for (EnumMember m : p.model().enumMembers()) {
                if (m.nameSource().recovered()) {
                    documented.putIfAbsent(m.name(), m.line());
                }
            }
        } else if (f.kind() == PageKind.RESOURCE || f.kind() == PageKind.COMPLEX_TYPE) {
            if (t.get().kind().equals("EnumType")) {
                return;
            }
            what = "property";
            List<PropertyRow> rows = new ArrayList<>(f.propertyRows());
            rows.addAll(f.relationshipRows());
            for (PropertyRow r : rows) {
                if (r.nameSource().recovered()) {
                    documented.putIfAbsent(r.name(), r.line());
                }
            }
        } else {
            return;
        }
        if (documented.isEmpty()) {
            return;
        }
        Set<String> declared = md.members(t.get());
        int firstLine = documented.values().iterator().next();
        String type = t.get().name();
        for (String d : declared) {
            if (!documented.containsKey(d)) {
                out.add(LintFinding.of(p.file(), firstLine, 1, LintRule.SERVICE_UNDOCUMENTED,
                        "the service declares the " + what + " `" + d + "` of " + type + " (" + md.source()
                                + ") but this page does not document it: add a row for it", "+" + d));
            }
        }
        for (Map.Entry<String, Integer> e : documented.entrySet()) {
            if (!declared.contains(e.getKey())) {
                int col = p.column(e.getValue(), e.getKey(), 0);
                out.add(LintFinding.of(p.file(), e.getValue(), col, LintRule.DOCUMENTED_NOT_IN_SERVICE,
                        "the page documents the " + what + " `" + e.getKey() + "` but the service metadata ("
                                + md.source() + ") does not declare it for " + type
                                + ": check the name, or whether the service has it yet", "-" + e.getKey()));
            }
        }
    }
}
