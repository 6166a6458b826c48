package org.graphlint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Target;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's example, kept compiling and passing (the "client" here is a JSON round trip). */
class ReadmeExampleProperties {
    static final GraphPayloads VPP = GraphPayloads.of(Catalog.embedded(), "vppToken", OperationKind.CREATE, "2021-03-23");
    static final PayloadValidator GRAPHLINT = PayloadValidator.embedded();
    static final Target TARGET = GRAPHLINT.target("vppToken", OperationKind.CREATE, "2021-03-23");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 100, seed = "42")   // a fixed seed: the same payloads on every run
    void everyDocumentedBodySurvivesOurSerializer(@ForAll("validBodies") JsonNode body) {
        assertEquals(body, JSON.readTree(JSON.writeValueAsString(body)));   // your client code here
    }

    @Property(tries = 100, seed = "42")
    void graphlintNamesEachDefect(@ForAll("brokenBodies") InvalidPayload bad) {
        // bad.payload(), bad.kind() (UNKNOWN_PROPERTY...), bad.rule() ("additionalProperties"), bad.pointer() ("/roleScopeTagIdz")
        assertTrue(GRAPHLINT.validate(TARGET, bad.payload()).stream()
                .anyMatch(f -> f.rule().equals(bad.rule()) && f.pointer().equals(bad.pointer())), bad.toString());
    }

    @Provide
    Arbitrary<JsonNode> validBodies() {
        return VPP.valid();
    }

    @Provide
    Arbitrary<InvalidPayload> brokenBodies() {
        return VPP.invalid(DefectKind.UNKNOWN_PROPERTY, DefectKind.OUTSIDE_ENUM, DefectKind.MALFORMED_FORMAT);
    }
}
