package org.graphlint.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.schema.Schemas;
import tools.jackson.databind.JsonNode;

/**
 * How the properties check a payload: graphlint's networknt setup ({@link Schemas}: draft 2020-12, format assertions
 * on), errors reduced to rule and JSON pointer the way graphlint's findings point (an unknown property at the
 * property itself). Compiled schemas are cached per version.
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

    private static final Map<JsonNode, Schema> COMPILED = new IdentityHashMap<>();

    private Checks() {
    }

    static synchronized Schema compiled(SchemaVersion v) {
        return COMPILED.computeIfAbsent(v.schema(), Schemas::compile);
    }

    static List<Problem> check(SchemaVersion v, JsonNode payload) {
        List<Problem> out = new ArrayList<>();
        for (Error e : compiled(v).validate(payload)) {
            String at = pointer(e.getInstanceLocation());
            String rule = e.getKeyword();
            if (("additionalProperties".equals(rule) || "unevaluatedProperties".equals(rule)) && e.getProperty() != null) {
                at = at + "/" + Json.escape(e.getProperty());
            }
            out.add(new Problem(rule, at));
        }
        return out;
    }

    static String pointer(NodePath p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; p != null && i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            sb.append('/').append(el instanceof Number ? el.toString() : Json.escape(String.valueOf(el)));
        }
        return sb.toString();
    }

    /** Every schema version of the embedded catalog (beta and v1.0) and of the every-type widget catalog. */
    static List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Catalog embedded = Catalog.embedded();
        for (String api : embedded.apiVersions()) {
            add(out, embedded.forApiVersion(api));
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
