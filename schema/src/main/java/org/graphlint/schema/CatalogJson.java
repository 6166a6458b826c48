package org.graphlint.schema;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A catalog as its {@code catalog.json} says it (the index of a catalog folder; {@link CatalogReader} reads it back). */
final class CatalogJson {

    private CatalogJson() {
    }

    /** A catalog's {@code catalog.json} content (every API version) ({@link Catalog#toJson()}). */
    static ObjectNode catalogJson(Map<String, Catalog.Api> apis, String apiVersion) {
        ObjectNode root = Catalog.JSON.createObjectNode();
        root.put("format", Catalog.FORMAT);
        root.put("defaultApiVersion", apis.containsKey(Catalog.DEFAULT_API_VERSION) ? Catalog.DEFAULT_API_VERSION : apiVersion);
        ObjectNode apisNode = root.putObject("apiVersions");
        for (Map.Entry<String, Catalog.Api> a : apis.entrySet()) {
            ObjectNode an = apisNode.putObject(a.getKey());
            ArrayNode vs = an.putArray("versions");
            for (Map<OperationKind, List<SchemaVersion>> m : a.getValue().entities().values()) {
                for (List<SchemaVersion> l : m.values()) {
                    for (SchemaVersion v : l) {
                        ObjectNode vn = vs.addObject();
                        vn.put("entity", v.entity());
                        vn.put("operation", v.operation().id());
                        vn.put("id", v.id());
                        vn.put("file", Catalog.schemaFile(a.getKey(), v));
                        ArrayNode pages = vn.putArray("pages");
                        for (PageRef p : v.pages()) {
                            ObjectNode pn = pages.addObject();
                            pn.put("locale", p.locale());
                            pn.put("lastHandoff", p.lastHandoff() == null ? null : p.lastHandoff().toString());
                            pn.put("sourceCommit", p.sourceCommit());
                            pn.put("file", p.file());
                        }
                        ArrayNode changes = vn.putArray("changes");
                        for (SchemaChange c : v.changes()) {
                            ObjectNode cn = changes.addObject();
                            cn.put("kind", c.kind());
                            cn.put("path", c.path());
                            cn.put("detail", c.detail());
                            cn.put("breakingForSenders", c.breakingForSenders());
                        }
                    }
                }
            }
            ArrayNode ops = an.putArray("operations");
            for (DocumentedOperation o : a.getValue().operations()) {
                ObjectNode on = ops.addObject();
                on.put("method", o.method());
                on.put("path", o.pathTemplate());
                on.put("entity", o.entity());
                on.put("operation", o.operation().id());
            }
            ObjectNode types = an.putObject("odataTypes");
            a.getValue().odataTypes().forEach(types::put);
        }
        return root;
    }
}
