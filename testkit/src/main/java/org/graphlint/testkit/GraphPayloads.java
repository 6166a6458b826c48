package org.graphlint.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * jqwik generators of Graph payloads for one schema version of a graphlint catalog: {@link #valid()} payloads, and
 * {@link #invalid()} payloads that each carry exactly one known defect. Everything is generated from the JSON Schema
 * itself, so it works for any catalog (the embedded one, or one written by {@code graphlint schemas build}); shrinking
 * gives small payloads (optional properties absent, short arrays, the first enum value, bounds). Seeds are jqwik's:
 * fix one with {@code @Property(seed = "...")} for a deterministic run.
 *
 * <pre>{@code
 * GraphPayloads vpp = GraphPayloads.of(Catalog.embedded(), "vppToken", OperationKind.CREATE, "2019-07-31");
 *
 * @Property
 * void myClientAcceptsEveryDocumentedPayload(@ForAll("valid") JsonNode body) { ... }
 *
 * @Provide
 * Arbitrary<JsonNode> valid() { return vpp.valid(); }
 * }</pre>
 *
 * Instances are immutable and thread-safe; the arbitraries they return may be reused.
 */
public final class GraphPayloads {
    /** How deep optional properties and array items are still generated below the top-level object. */
    public static final int DEFAULT_DEPTH = 4;

    private final SchemaVersion version;
    private final List<SchemaVersion> later;
    private final int depth;
    /**
     * The arbitraries, built once: jqwik's {@code flatMap} calls its mapper again each time a value is asked for, so a
     * test's {@code targets.flatMap(t -> t.payloads().valid())} would otherwise rebuild the generator per value.
     */
    private volatile Arbitrary<JsonNode> valid;
    private final Map<Set<DefectKind>, Arbitrary<InvalidPayload>> invalid = new ConcurrentHashMap<>();
    private volatile Set<DefectKind> kinds;

    private GraphPayloads(SchemaVersion version, List<SchemaVersion> later, int depth) {
        this.version = version;
        this.later = List.copyOf(later);
        this.depth = depth;
    }

    /**
     * Generators for the version a selector picks (a version id, an ISO date, a source commit, or {@code latest}) of an
     * entity and operation of the catalog. Throws {@link IllegalArgumentException} when nothing matches.
     */
    public static GraphPayloads of(Catalog catalog, String entity, OperationKind operation, String selector) {
        SchemaVersion v = catalog.select(entity, operation, selector).orElseThrow(() -> new IllegalArgumentException(
                "no schema version of " + entity + " " + operation.id() + " for '" + selector + "' in the catalog"));
        return of(catalog, v);
    }

    /** Generators for one schema version; the catalog's later versions of the same entity and operation feed
     * {@link DefectKind#LATER_VERSION_PROPERTY}. */
    public static GraphPayloads of(Catalog catalog, SchemaVersion version) {
        List<SchemaVersion> after = new ArrayList<>();
        for (SchemaVersion v : catalog.versions(version.entity(), version.operation())) {
            if (v.id().compareTo(version.id()) > 0) {
                after.add(v);
            }
        }
        return new GraphPayloads(version, after, DEFAULT_DEPTH);
    }

    /** Generators for a schema version alone (no later versions known). */
    public static GraphPayloads of(SchemaVersion version) {
        return new GraphPayloads(Objects.requireNonNull(version), List.of(), DEFAULT_DEPTH);
    }

    /** The same generators, generating optional properties and array items down to {@code depth} levels. */
    public GraphPayloads withDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0");
        }
        return new GraphPayloads(version, later, depth);
    }

    public SchemaVersion version() {
        return version;
    }

    /** Payloads valid against the version: every property type, optional properties present and absent. */
    public Arbitrary<JsonNode> valid() {
        Arbitrary<JsonNode> v = valid;
        if (v == null) {
            v = new SchemaArbitraries(version.schema(), depth).of(version.schema());
            valid = v;
        }
        return v;
    }

    /**
     * The kinds of defect the version's schema has a place for (a closed object, a typed value, an enum, a format or
     * pattern, an integer bound, a property of a later version), read from the schema alone. Asking {@link #invalid}
     * for only kinds outside this set gives an arbitrary whose every try is filtered out; a kind inside it whose only
     * places are in optional properties costs filtered tries.
     */
    public Set<DefectKind> defectKinds() {
        Set<DefectKind> k = kinds;
        if (k == null) {
            SchemaArbitraries gen = new SchemaArbitraries(version.schema(), depth);
            k = Collections.unmodifiableSet(new Defects(version.schema(), gen, later.stream().map(SchemaVersion::schema).toList())
                    .possibleKinds());
            kinds = k;
        }
        return k;
    }

    /** Payloads with exactly one defect, of any kind the version allows. */
    public Arbitrary<InvalidPayload> invalid() {
        return invalid(EnumSet.allOf(DefectKind.class));
    }

    /** Payloads with exactly one defect of one of the given kinds. */
    public Arbitrary<InvalidPayload> invalid(DefectKind first, DefectKind... rest) {
        return invalid(EnumSet.of(first, rest));
    }

    /**
     * Payloads with exactly one defect of one of the given kinds: a valid payload, changed in one place. The kind is
     * chosen first, evenly among the given kinds the payload has a place for, then the place. Payloads where none of
     * the kinds fits (no enum property present, say) are skipped, so a kind the schema cannot carry at
     * all makes jqwik report too many filter misses (see {@link #defectKinds()}). The arbitrary has no jqwik edge
     * cases: mixed in, the many edge cases of unknown property names tilted the mix of kinds.
     */
    public Arbitrary<InvalidPayload> invalid(Set<DefectKind> kinds) {
        return invalid.computeIfAbsent(EnumSet.copyOf(kinds), this::build);
    }

    private Arbitrary<InvalidPayload> build(Set<DefectKind> ks) {
        SchemaArbitraries gen = new SchemaArbitraries(version.schema(), depth);
        List<JsonNode> laterSchemas = later.stream().map(SchemaVersion::schema).toList();
        Defects defects = new Defects(version.schema(), gen, laterSchemas);
        // payloads without a place for the kinds are filtered out before the flatMap: an arbitrary that filters
        // everything out inside it would be retried on the same payload until jqwik gives up (too many filter misses)
        return gen.of(version.schema()).filter(p -> defects.defects(p, ks).isPresent())
                .flatMap(p -> defects.defects(p, ks).orElseThrow());
    }

    /** Any JSON value (objects, arrays, scalars, nested a few levels): what a fixture file might hold. */
    public static Arbitrary<JsonNode> anyJson() {
        return new SchemaArbitraries(Json.F.objectNode(), DEFAULT_DEPTH).anyJson(0);
    }

    /** Payloads valid against any JSON Schema (draft 2020-12, local {@code $ref}s), for schemas outside a catalog. */
    public static Arbitrary<JsonNode> validFor(JsonNode schema) {
        return new SchemaArbitraries(schema, DEFAULT_DEPTH).of(schema);
    }

    @Override
    public String toString() {
        return "GraphPayloads[" + version.entity() + " " + version.operation().id() + " " + version.id() + "]";
    }
}
