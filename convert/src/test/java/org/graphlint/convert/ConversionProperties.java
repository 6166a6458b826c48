package org.graphlint.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.testkit.GraphPayloads;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversion's contract, property-based: for every ordered pair of versions of every entity and operation of the
 * samples' catalog ({@code schema/catalog/}), and of an "evolving widget" whose two versions differ in every way a conversion
 * handles, and any payload the testkit generates valid against the first: the conversion is valid against the second
 * and reports exactly the pointers that differ; converting back restores the original minus exactly what was reported
 * lost; a conversion between identical versions is the identity. Tries from {@code jqwik.tries.default} (200 in
 * {@code junit-platform.properties}; {@code scripts/fuzz-campaign.sh} raises it); seeds fixed.
 */
class ConversionProperties {

    /** A converter and the versions it converts between. */
    record Side(PayloadConverter converter, Target target, GraphPayloads payloads) {
        @Override
        public String toString() {
            return target.apiVersion() + " " + target.label();
        }
    }

    record Pair(Side a, Side b) {
        @Override
        public String toString() {
            return a + " -> " + b.target().versionId();
        }
    }

    record Case(Pair pair, JsonNode payload) {
        @Override
        public String toString() {
            return pair + ": " + payload;
        }
    }

    static final List<Pair> PAIRS = pairs();

    static List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        // The samples' catalog (the vppToken family and the seeds), committed under schema/catalog/: the embedded
        // catalog is all of Graph now, thousands of versions, far beyond what a property in mvn verify should walk.
        Catalog samples = Catalog.load(java.nio.file.Path.of("../schema/catalog"));
        for (String api : samples.apiVersions()) {
            add(out, samples.forApiVersion(api));
        }
        add(out, Widgets.CATALOG);
        return List.copyOf(out);
    }

    private static void add(List<Pair> out, Catalog cat) {
        PayloadConverter conv = PayloadConverter.of(PayloadValidator.of(cat));
        for (String entity : cat.entities()) {
            for (OperationKind op : cat.operationKinds(entity)) {
                List<SchemaVersion> vs = cat.versions(entity, op);
                for (SchemaVersion a : vs) {
                    for (SchemaVersion b : vs) {
                        out.add(new Pair(side(conv, cat, a), side(conv, cat, b)));
                    }
                }
            }
        }
    }

    private static Side side(PayloadConverter conv, Catalog cat, SchemaVersion v) {
        return new Side(conv, new Target(v, v.id(), cat.apiVersion()), GraphPayloads.of(cat, v));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(PAIRS).flatMap(p -> p.a().payloads().valid().map(j -> new Case(p, j)));
    }

    @Provide
    Arbitrary<Case> identical() {
        return Arbitraries.of(PAIRS.stream().filter(p -> p.a().target().equals(p.b().target())).toList())
                .flatMap(p -> p.a().payloads().valid().map(j -> new Case(p, j)));
    }

    // ------------------------------------------------------------------------------------------ properties

    @Property(seed = "131313")
    void theConversionIsValidAgainstTheTargetAndReportsExactlyThePointersThatDiffer(@ForAll("cases") Case c) {
        JsonNode before = c.payload().deepCopy();
        Conversion conv = c.pair().a().converter().convert(c.payload(), c.pair().a().target(), c.pair().b().target());
        Statistics.label("pair").collect(c.pair().toString());
        Statistics.label("outcome").collect(conv.changes().isEmpty() ? "unchanged" : conv.lossy() ? "lossy" : "lossless");
        conv.changes().forEach(ch -> Statistics.label("kind").collect(ch.kind().id()));
        assertEquals(before, c.payload(), "the input was modified");
        assertEquals(List.of(), errors(c.pair().b(), conv.output()), "the output is not valid against the target");
        assertTrue(conv.valid());
        TreeSet<String> reported = new TreeSet<>();
        conv.changes().forEach(ch -> reported.add(ch.pointer()));
        assertEquals(differences(c.payload(), conv.output()), reported, () -> "changes: " + conv.changes());
    }

    @Property(seed = "141414")
    void convertingBackRestoresTheOriginalMinusWhatWasReportedLost(@ForAll("cases") Case c) {
        Pair p = c.pair();
        Conversion there = p.a().converter().convert(c.payload(), p.a().target(), p.b().target());
        Conversion back = p.a().converter().convert(there.output(), p.b().target(), p.a().target());
        Statistics.label("lost").collect(there.lossy() ? "some" : "none");
        assertEquals(List.of(), errors(p.a(), back.output()), "the round trip is not valid against the source");
        JsonNode expected = c.payload().deepCopy();
        List<String> lost = new ArrayList<>();
        there.changes().stream().filter(Change::lossy).forEach(ch -> lost.add(ch.pointer()));
        for (int i = lost.size() - 1; i >= 0; i--) {
            remove(expected, lost.get(i));
        }
        assertEquals(java.util.Set.of(), differences(expected, back.output()),
                () -> "expected " + expected + ", got " + back.output() + "\nthere: " + there.changes() + "\nback: " + back.changes());
    }

    @Property(seed = "151515")
    void aConversionBetweenIdenticalVersionsIsTheIdentity(@ForAll("identical") Case c) {
        Conversion conv = c.pair().a().converter().convert(c.payload(), c.pair().a().target(), c.pair().b().target());
        assertEquals(List.of(), conv.changes());
        assertTrue(conv.output() == c.payload(), "not the payload itself");
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<Finding> errors(Side s, JsonNode payload) {
        return s.converter().validator().validate(s.target(), payload).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /**
     * The pointers at which two payloads differ, computed independently of the converter: a property on one side only,
     * a scalar that differs, an array whose length differs (the array), recursively otherwise.
     */
    static java.util.Set<String> differences(JsonNode a, JsonNode b) {
        TreeSet<String> out = new TreeSet<>();
        diff(a, b, "", out);
        return out;
    }

    private static void diff(JsonNode a, JsonNode b, String at, TreeSet<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    out.add(p);
                } else {
                    diff(e.getValue(), other, p, out);
                }
            }
            for (Iterator<String> it = b.propertyNames().iterator(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    out.add(at + "/" + k.replace("~", "~0").replace("/", "~1"));
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), at + "/" + i, out);
            }
        } else if (!(a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b))) {
            out.add(at);
        }
    }

    static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.remove(key);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(key));
        }
    }
}
