package org.graphlint.parser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documented JSON shape of a page model, as {@code graphlint parse --format json} prints it. Top-level fields, in
 * order: {@code file, format, locale, lastHandoff, sourceCommit, openLocFileHash, title, kind, operation, permissions,
 * properties, enumMembers, examples, diagnostics}.
 */
public final class PageModelJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PageModelJson() {
    }

    public static ObjectNode toJson(PageModel p) {
        ObjectNode o = F.objectNode();
        o.put("file", p.file());
        o.put("format", p.format().id());
        o.put("locale", p.locale());
        o.put("lastHandoff", p.lastHandoff() == null ? null : p.lastHandoff().toString());
        o.put("sourceCommit", p.sourceCommit());
        o.put("openLocFileHash", p.openLocFileHash());
        ObjectNode title = o.putObject("title");
        title.put("english", p.title().english());
        title.put("localized", p.title().localized());
        o.put("kind", p.kind().id());
        Operation op = p.operation();
        if (op == null) {
            o.putNull("operation");
        } else {
            o.putObject("operation").put("method", op.method()).put("path", op.path());
        }
        ArrayNode perms = o.putArray("permissions");
        for (Permission perm : p.permissions()) {
            ObjectNode x = perms.addObject().put("type", perm.type());
            ArrayNode list = x.putArray("permissions");
            perm.permissions().forEach(list::add);
        }
        ArrayNode props = o.putArray("properties");
        for (PropertyRow r : p.properties()) {
            ObjectNode x = props.addObject();
            x.put("name", r.name());
            x.put("localizedName", r.localizedName());
            x.put("nameSource", r.nameSource().id());
            x.put("type", r.type());
            x.put("typeSource", r.typeSource().id());
            x.put("collection", r.collection());
            x.put("typeLink", r.typeLink());
            x.put("description", r.description());
            ArrayNode ev = x.putArray("enumValues");
            r.enumValues().forEach(ev::add);
            x.put("section", r.section());
            x.put("line", r.line());
        }
        ArrayNode members = o.putArray("enumMembers");
        for (EnumMember m : p.enumMembers()) {
            ObjectNode x = members.addObject().put("name", m.name());
            if (m.value() == null) {
                x.putNull("value");
            } else {
                x.put("value", m.value().intValue());
            }
            x.put("description", m.description()).put("nameSource", m.nameSource().id()).put("line", m.line());
        }
        ArrayNode examples = o.putArray("examples");
        for (Example e : p.examples()) {
            ObjectNode x = examples.addObject();
            x.put("kind", e.kind().id());
            x.put("method", e.method());
            x.put("url", e.url());
            if (e.status() == null) {
                x.putNull("status");
            } else {
                x.put("status", e.status().intValue());
            }
            ObjectNode headers = x.putObject("headers");
            e.headers().forEach(h -> headers.put(h.name(), h.value()));
            JsonNode body = e.body();
            if (body == null) {
                x.putNull("body");
            } else {
                x.set("body", body.deepCopy());
            }
            x.put("line", e.line());
            x.put("bodyLine", e.bodyLine());
        }
        ArrayNode diags = o.putArray("diagnostics");
        for (Diagnostic d : p.diagnostics()) {
            diags.addObject().put("severity", d.severity().id()).put("code", d.code()).put("message", d.message()).put("line", d.line());
        }
        return o;
    }
}
