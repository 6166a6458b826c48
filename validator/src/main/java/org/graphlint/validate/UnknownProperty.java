package org.graphlint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graphlint.schema.SchemaBuilder;
import tools.jackson.databind.JsonNode;

/**
 * An {@code additionalProperties} (or {@code unevaluatedProperties}) failure read against its schema: the property, the
 * schema object that refused it, the names that object declares and the near misses among them. One reading for the
 * validator's findings and for the benchmarks that count rejections as the validator reports them.
 *
 * @param name   the refused property
 * @param holder the schema object holding the failing keyword (the schema's root when it cannot be found)
 * @param known  the property names {@code holder} declares
 * @param near   the declared names close to {@code name} (a misspelling's "did you mean")
 */
public record UnknownProperty(String name, JsonNode holder, List<String> known, List<String> near) {

    public UnknownProperty {
        known = List.copyOf(known);
        near = List.copyOf(near);
    }

    /** The failure {@code e} of a payload validated against {@code schema}. */
    public static UnknownProperty of(JsonNode schema, Error e) {
        String name = String.valueOf(ErrorSink.propertyOf(e));
        JsonNode holder = holder(schema, e);
        Set<String> names = new LinkedHashSet<>();
        holder.path("properties").propertyNames().forEach(names::add);
        List<String> known = new ArrayList<>(names);
        return new UnknownProperty(name, holder, known, Suggest.nearest(name, known));
    }

    /**
     * The open type whose undocumented property this is, when the validator reports it as the warning
     * {@code open-type-property} (the service accepts custom data there), or null: not an open type's, or a near miss
     * of a documented name (a misspelling, still an error).
     */
    public String openTypeWarning() {
        String open = holder.path(SchemaBuilder.OPEN_TYPE).asString(null);
        return open != null && near.isEmpty() ? open : null;
    }

    private static JsonNode holder(JsonNode schema, Error e) {
        SchemaLocation sl = e.getSchemaLocation();
        if (sl == null || sl.getFragment() == null) {
            return schema;
        }
        NodePath f = sl.getFragment();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.getNameCount() - 1; i++) {
            sb.append('/').append(FindingExplainer.escape(String.valueOf(f.getElement(i))));
        }
        JsonNode holder = schema.at(sb.toString());
        return holder.isMissingNode() ? schema : holder;
    }
}
