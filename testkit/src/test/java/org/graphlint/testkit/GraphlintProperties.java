package org.graphlint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.graphlint.schema.SchemaDiff;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.testkit.Checks.Problem;
import org.graphlint.testkit.Checks.Target;
import tools.jackson.databind.JsonNode;

/**
 * What graphlint must hold, property-based, over every schema version of the embedded catalog and of the every-type
 * widget catalog. Tries come from {@code jqwik.tries.default} (200 in {@code junit-platform.properties}; the fuzz
 * campaign raises it); seeds are fixed.
 */
class GraphlintProperties {
    static final List<Target> TARGETS = Checks.targets();

    record Valid(Target target, JsonNode payload) {
        @Override
        public String toString() {
            return target + ": " + payload;
        }
    }

    record Invalid(Target target, InvalidPayload defect) {
        @Override
        public String toString() {
            return target + ": " + defect;
        }
    }

    // ------------------------------------------------------------------------------------------ valid payloads

    @Property(seed = "424242")
    void everyGeneratedValidPayloadValidates(@ForAll("valid") Valid c) {
        Statistics.label("version").collect(c.target().toString());
        assertEquals(List.of(), Checks.check(c.target(), c.payload()));
    }

    @Provide
    Arbitrary<Valid> valid() {
        return Arbitraries.of(TARGETS).flatMap(t -> t.payloads().valid().map(p -> new Valid(t, p)));
    }

    // ------------------------------------------------------------------------------------------ invalid payloads

    /** Every invalid payload fails with exactly its one defect; every kind of defect is generated, about equally often. */
    @Property(seed = "434343")
    void everyInvalidPayloadFailsWithExactlyItsDefect(@ForAll("invalid") Invalid c) {
        InvalidPayload d = c.defect();
        Statistics.label("kind").collect(d.kind());
        Statistics.label("rule").collect(d.rule());
        List<Problem> problems = Checks.check(c.target(), d.payload());
        assertFalse(problems.isEmpty(), "no error reported");
        for (Problem p : problems) {
            assertEquals(new Problem(d.rule(), d.pointer()), p, () -> "all errors: " + problems);
        }
        // a generator that stops producing a kind (or produces one far less than the others) fails here
        Statistics.label("kind").coverage(cov -> {
            for (DefectKind k : DefectKind.values()) {
                cov.check(k).percentage(pc -> pc >= 100.0 / DefectKind.values().length / 2);
            }
        });
    }

    /**
     * Each kind equally likely, then any version whose schema has a place for it, then a payload with that defect: one
     * choice among (kind, version) arbitraries weighted 1 / (versions with a place for the kind), not nested flatMaps,
     * which jqwik regenerates on every value() and shrinks poorly. Built once.
     */
    static final Arbitrary<Invalid> INVALID = invalidByKind();

    @SuppressWarnings("unchecked")
    static Arbitrary<Invalid> invalidByKind() {
        Map<DefectKind, List<Target>> fit = new EnumMap<>(DefectKind.class);
        long lcm = 1;
        for (DefectKind k : DefectKind.values()) {
            List<Target> ts = TARGETS.stream().filter(t -> t.payloads().defectKinds().contains(k)).toList();
            assertFalse(ts.isEmpty(), "no version has a place for " + k);
            fit.put(k, ts);
            lcm = lcm / java.math.BigInteger.valueOf(lcm).gcd(java.math.BigInteger.valueOf(ts.size())).longValue() * ts.size();
        }
        List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<Invalid>>> choices = new ArrayList<>();
        for (Map.Entry<DefectKind, List<Target>> e : fit.entrySet()) {
            for (Target t : e.getValue()) {
                choices.add(net.jqwik.api.Tuple.of((int) (lcm / e.getValue().size()),
                        t.payloads().invalid(e.getKey()).map(d -> new Invalid(t, d))));
            }
        }
        return Arbitraries.frequencyOf(choices.toArray(new net.jqwik.api.Tuple.Tuple2[0]));
    }

    @Provide
    Arbitrary<Invalid> invalid() {
        return INVALID;
    }

    /**
     * graphlint's decision, independent of what a schema says of itself: an unknown property at the top of a body is
     * always an error (catching a misspelt property is the point). The generators follow the schema, so this is the
     * property that notices a builder that stops closing objects.
     */
    @Property(seed = "464646")
    void anUnknownTopLevelPropertyIsAlwaysReported(@ForAll("valid") Valid c, @ForAll("unknownNames") String name) {
        net.jqwik.api.Assume.that(!c.payload().has(name) && c.payload().isObject()
                && !c.target().version().schema().path("properties").has(name));
        tools.jackson.databind.node.ObjectNode body = ((tools.jackson.databind.node.ObjectNode) c.payload()).deepCopy();
        body.put(name, "x");
        assertEquals(List.of(new Problem("additionalProperties", "/" + Json.escape(name))), Checks.check(c.target(), body));
    }

    @Provide
    Arbitrary<String> unknownNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("_-/~.").ofMinLength(1).ofMaxLength(12);
    }

    // ------------------------------------------------------------------------------------------ version evolution

    /** Pairs (A, B) of the same entity and operation, B later, whose diff graphlint calls non-breaking for senders. */
    static final List<Target[]> NON_BREAKING = nonBreakingPairs();

    static List<Target[]> nonBreakingPairs() {
        List<Target[]> out = new ArrayList<>();
        for (Target a : TARGETS) {
            for (Target b : TARGETS) {
                SchemaVersion va = a.version();
                SchemaVersion vb = b.version();
                if (a.catalog() == b.catalog() && va.entity().equals(vb.entity()) && va.operation() == vb.operation()
                        && vb.id().compareTo(va.id()) > 0 && !SchemaDiff.breaking(SchemaDiff.diff(va.schema(), vb.schema()))) {
                    out.add(new Target[] {a, b});
                }
            }
        }
        return List.copyOf(out);
    }

    @Property(seed = "444444")
    void aPayloadValidForAVersionIsValidForEveryLaterNonBreakingVersion(@ForAll("evolution") Valid c, @ForAll("laterIndex") int k) {
        List<Target> later = NON_BREAKING.stream().filter(p -> p[0] == c.target()).map(p -> p[1]).toList();
        Target b = later.get(k % later.size());
        Statistics.label("pair").collect(c.target() + " -> " + b.version().id());
        assertEquals(List.of(), Checks.check(c.target(), c.payload()), "not even valid for its own version");
        assertEquals(List.of(), Checks.check(b, c.payload()), () -> "valid for " + c.target() + " but not for " + b
                + ", whose diff is non-breaking: " + SchemaDiff.diff(c.target().version().schema(), b.version().schema()));
    }

    @Provide
    Arbitrary<Valid> evolution() {
        assertFalse(NON_BREAKING.isEmpty(), "no non-breaking version pairs to check");
        List<Target> from = NON_BREAKING.stream().map(p -> p[0]).distinct().toList();
        return Arbitraries.of(from).flatMap(t -> t.payloads().valid().map(p -> new Valid(t, p)));
    }

    @Provide
    Arbitrary<Integer> laterIndex() {
        return Arbitraries.integers().between(0, 100);
    }

    // ------------------------------------------------------------------------------------------ any JSON value

    @Property(seed = "454545")
    void theValidatorNeverThrowsAndPointsOnlyIntoThePayload(@ForAll("targets") Target t, @ForAll("anything") JsonNode payload) {
        List<org.graphlint.validate.Finding> findings = Checks.findings(t, payload);
        Statistics.label("verdict").collect(findings.isEmpty() ? "valid" : "findings");
        for (org.graphlint.validate.Finding f : findings) {
            String p = f.pointer();
            assertTrue(p != null && (p.isEmpty() || !payload.at(p).isMissingNode()),
                    () -> f + " points outside the payload; all: " + findings);
        }
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    /** Any JSON value, valid payloads, and valid payloads with one defect (so findings deep inside are exercised). */
    @Provide
    Arbitrary<JsonNode> anything() {
        return Arbitraries.oneOf(
                GraphPayloads.anyJson(),
                Arbitraries.of(TARGETS).flatMap(t -> t.payloads().valid()),
                Arbitraries.of(TARGETS).flatMap(t -> t.payloads().invalid().map(InvalidPayload::payload)));
    }
}
