package org.graphlint.testkit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import tools.jackson.databind.JsonNode;

/**
 * How the properties check a payload: through graphlint's validator library ({@link PayloadValidator}, one per
 * catalog, as a user would hold it), findings reduced to rule and JSON pointer. Warnings (a read-only property in a
 * request body) do not make a payload invalid.
 */
final class Checks {
    record Problem(String rule, String pointer) {
    }

    /** A schema version and the catalog (API version) it belongs to. */
    record Target(Catalog catalog, SchemaVersion version, GraphPayloads payloads) {
        @Override
        public String toString() {
            return catalog.apiVersion() + " " + version.entity() + " " + version.operation().id() + " " + version.id();
        }
    }

    private static final Map<Catalog, PayloadValidator> VALIDATORS = new IdentityHashMap<>();

    private Checks() {
    }

    static synchronized PayloadValidator validator(Catalog c) {
        return VALIDATORS.computeIfAbsent(c, PayloadValidator::of);
    }

    static List<Finding> findings(Target t, JsonNode payload) {
        return validator(t.catalog()).validate(new org.graphlint.validate.Target(t.version(), t.version().id(), t.catalog().apiVersion()),
                payload);
    }

    /** The errors (not warnings) for a payload, as rule and pointer. */
    static List<Problem> check(Target t, JsonNode payload) {
        List<Problem> out = new ArrayList<>();
        for (Finding f : findings(t, payload)) {
            if (f.severity() == Severity.ERROR) {
                out.add(new Problem(f.rule(), f.pointer()));
            }
        }
        return out;
    }

    /** Every schema version of the embedded catalog (beta and v1.0) and of the every-type widget catalog. */
    static List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Catalog embedded = Catalog.embedded();
        for (String api : embedded.apiVersions()) {
            // the vppToken family (the embedded catalog holds all of Graph since issue 10: thousands of versions)
            Catalog c = embedded.forApiVersion(api);
            for (org.graphlint.schema.OperationKind k : c.operationKinds("vppToken")) {
                for (SchemaVersion v : c.versions("vppToken", k)) {
                    out.add(new Target(c, v, GraphPayloads.of(c, v)));
                }
            }
        }
        add(out, WidgetCatalog.CATALOG);
        return List.copyOf(out);
    }

    private static void add(List<Target> out, Catalog c) {
        for (SchemaVersion v : c.allVersions()) {
            out.add(new Target(c, v, GraphPayloads.of(c, v)));
        }
    }
}
