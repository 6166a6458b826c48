package org.graphlint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's example, kept compiling and passing (a user's "client" here is a JSON round trip and graphlint). */
class ReadmeExampleProperties {
    static final GraphPayloads VPP = GraphPayloads.of(Catalog.embedded(), "vppToken", OperationKind.CREATE, "2021-03-23");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 100, seed = "42")
    void everyDocumentedBodySurvivesOurSerializer(@ForAll("validBodies") JsonNode body) {
        JsonNode roundTrip = JSON.readTree(JSON.writeValueAsString(body));
        assertEquals(body, roundTrip);
    }

    @Property(tries = 100, seed = "42")
    void ourPreflightCheckNamesEachDefect(@ForAll("brokenBodies") InvalidPayload bad) {
        List<String> where = Schemas.validate(VPP.version().schema(), bad.payload()).stream()
                .map(e -> e.getInstanceLocation() + "/" + (e.getProperty() == null ? "" : e.getProperty())).toList();
        assertTrue(where.stream().anyMatch(w -> (w + "/").startsWith(bad.pointer().isEmpty() ? "/" : bad.pointer())
                || w.startsWith(bad.pointer())), bad + " not named in " + where);
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
