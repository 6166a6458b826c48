package org.graphlint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContextCustomizer;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The error list networknt adds to during one run: keeps the first {@code keep} errors (or, with {@code wanted},
 * only the cross-version keys of {@link #key} in that set) and counts all of them. {@link #size()} is the count,
 * as networknt compares sizes before and after a subschema; only kept errors can be read back.
 */
final class ErrorSink extends java.util.AbstractList<Error> {
    private final int keep;
    private final Set<String> wanted;
    private final List<Error> kept = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int count;

    ErrorSink(int keep, Set<String> wanted) {
        this.keep = keep;
        this.wanted = wanted;
    }

    @Override
    public boolean add(Error e) {
        count++;
        if (wanted != null) {
            String k = key(e);
            if (k != null && wanted.contains(k)) {
                keys.add(k);
            }
        } else if (kept.size() < keep) {
            kept.add(e);
        }
        return true;
    }

    @Override
    public void add(int index, Error e) {
        add(e);
    }

    @Override
    public Error get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public java.util.Iterator<Error> iterator() {
        return kept.iterator();
    }

    @Override
    public void clear() {
        kept.clear();
        keys.clear();
        count = 0;
    }

    /** The errors kept, in the order networknt reported them. */
    List<Error> kept() {
        return kept;
    }

    /** With {@code wanted}: the wanted keys this run's errors have. */
    Set<String> keys() {
        return keys;
    }

    /** The most networknt errors kept per run: the findings cap plus room for duplicates. */
    static final int KEPT_ERRORS = 4 * 1000;

    /**
     * networknt's errors for a body, bounded: the first {@link #KEPT_ERRORS} are kept, the rest only counted. A body
     * with a million errors once held a million {@link Error}s (and their paths) per schema version it was run against,
     * and the collector's time grew faster than the body.
     */
    static ErrorSink run(Schema s, JsonNode node) {
        return run(s, node, new ErrorSink(KEPT_ERRORS, null));
    }

    /** Runs networknt with {@code sink} as its error list. */
    static ErrorSink run(Schema s, JsonNode node, ErrorSink sink) {
        s.validate(node, (ExecutionContextCustomizer) (ctx, schemaContext) -> ctx.setErrors(sink));
        return sink;
    }

    /**
     * What makes two versions' errors "the same" for a cross-version note: the same unknown property at the same place,
     * or a value outside the enum (or const) at the same place. Null for other keywords.
     */
    static String key(Error x) {
        String kw = x.getKeyword();
        if ("additionalProperties".equals(kw) || "unevaluatedProperties".equals(kw)) {
            return unknownKey(kw, FindingExplainer.pointer(x.getInstanceLocation()), propertyOf(x));
        }
        if ("enum".equals(kw) || "const".equals(kw)) {
            return enumKey(FindingExplainer.pointer(x.getInstanceLocation()));
        }
        return null;
    }

    static String propertyOf(Error e) {
        return e.getProperty() != null ? e.getProperty()
                : e.getArguments() != null && e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : null;
    }

    static String unknownKey(String keyword, String at, String prop) {
        return keyword + '\u0000' + at + '\u0000' + prop;
    }

    static String enumKey(String at) {
        return "enum\u0000" + at;
    }
}
