package org.graphlint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same body validated, lazily, against the other versions of the target's entity and operation, so that a finding
 * can say "is documented from version X; you selected Y". Only the cross-version keys of {@link ErrorSink#key} the
 * findings may ask about are kept from those runs, and a body with more errors than are kept is run only as far as
 * its listed errors reach ({@link #prefix}). One per body, not thread-safe.
 */
final class OtherVersions {
    private final CompiledSchemas schemas;
    private final Target target;
    private final JsonNode node;
    private final List<SchemaVersion> versions;
    private final int index;
    /** Per other version: the keys of its errors, so a finding is looked up, not searched for. */
    private final Map<String, Set<String>> results = new LinkedHashMap<>();
    /** The keys the findings may ask about: only these are kept from the other versions' runs. */
    private final Set<String> wanted;

    OtherVersions(Catalog catalog, CompiledSchemas schemas, Target target, JsonNode node, Set<String> wanted) {
        this.schemas = schemas;
        this.target = target;
        this.node = node;
        this.wanted = wanted;
        Catalog cat = catalog.forApiVersion(target.apiVersion());
        this.versions = cat.versions(target.entity(), target.operation());
        int idx = -1;
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).id().equals(target.versionId())) {
                idx = i;
            }
        }
        this.index = idx;
    }

    private Set<String> errors(SchemaVersion v) {
        return results.computeIfAbsent(v.id(), id -> {
            if (schemas.quickCheck(new Target(v, target.selector(), target.apiVersion())).certainlyValid(node)) {
                return Set.of(); // valid there: no need to compile or run networknt for that version
            }
            ErrorSink sink = new ErrorSink(0, wanted);
            try {
                ErrorSink.run(schemas.schema(target.apiVersion(), v), node, sink);
            } catch (StackOverflowError e) {
                return Set.of();
            }
            return sink.keys();
        });
    }

    /** "is valid from version X; you selected Y", "was valid until version X; ..." or null. */
    String note(String key, String validWord) {
        if (index < 0) {
            return null;
        }
        for (int i = index + 1; i < versions.size(); i++) {
            if (!errors(versions.get(i)).contains(key)) {
                return validWord + " from version " + versions.get(i).id() + "; you selected " + target.selectedText();
            }
        }
        for (int i = index - 1; i >= 0; i--) {
            if (!errors(versions.get(i)).contains(key)) {
                return validWord + " up to version " + versions.get(i).id() + " and removed in "
                        + versions.get(i + 1).id() + "; you selected " + target.selectedText();
            }
        }
        return null;
    }

    /**
     * The body with every array on the way to one of {@code errors}' instances cut after the last item such a way
     * passes through; nothing else changes, and the body itself is not modified.
     */
    static JsonNode prefix(JsonNode node, List<Error> errors) {
        Map<String, Integer> last = new HashMap<>();
        Set<String> ways = new HashSet<>();
        for (Error e : errors) {
            NodePath p = e.getInstanceLocation();
            if (p == null) {
                continue;
            }
            StringBuilder at = new StringBuilder();
            for (int i = 0; i < p.getNameCount(); i++) {
                ways.add(at.toString());
                Object el = p.getElement(i);
                if (el instanceof Number n) {
                    last.merge(at.toString(), n.intValue(), Math::max);
                    at.append('/').append(n);
                } else {
                    at.append('/').append(FindingExplainer.escape(String.valueOf(el)));
                }
            }
        }
        return last.isEmpty() ? node : cut(node, "", last, ways);
    }

    /** {@code n} (at pointer {@code at}) with its arrays cut after {@code last}; {@code ways}: the pointers on the way. */
    private static JsonNode cut(JsonNode n, String at, Map<String, Integer> last, Set<String> ways) {
        if (n.isArray()) {
            Integer max = last.get(at);
            if (max == null) {
                return n;
            }
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i <= max && i < n.size(); i++) {
                a.add(cut(n.get(i), at + '/' + i, last, ways));
            }
            return a;
        }
        if (n.isObject()) {
            if (!ways.contains(at)) {
                return n;
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                o.set(e.getKey(), cut(e.getValue(), at + '/' + FindingExplainer.escape(e.getKey()), last, ways));
            }
            return o;
        }
        return n;
    }
}
