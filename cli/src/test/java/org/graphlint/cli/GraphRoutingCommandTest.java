package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's all-Graph command, on the embedded catalog: a user body and three routed requests, exit 0. */
class GraphRoutingCommandTest {

    @Test
    void aUserBodyAndMeGroupsAndSendMailRequestsValidate() {
        TestSupport.Result r = TestSupport.cli("validate", "--format", "json", TestSupport.payloads().resolve("graph").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        java.util.Set<String> targets = new java.util.TreeSet<>();
        for (tools.jackson.databind.JsonNode f : tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.out()).path("files")) {
            for (tools.jackson.databind.JsonNode t : f.path("targets")) {
                targets.add(t.path("apiVersion").asString() + " " + t.path("entity").asString() + " " + t.path("operation").asString());
            }
        }
        assertEquals(java.util.Set.of("beta user create", "v1.0 user update", "v1.0 group update", "v1.0 user-sendmail action"),
                targets, r.out());
    }

    @Test
    void anUnknownEntityIsAUsageErrorNamingTheNearest() {
        TestSupport.Result r = TestSupport.cli("validate", "--entity", "usr", "--operation", "create",
                TestSupport.payloads().resolve("graph/user-create.json").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("did you mean `user`"), r.err());
    }

    @Test
    void schemasListCountsByDefaultAndFilters() {
        TestSupport.Result counts = TestSupport.cli("schemas", "list");
        assertEquals(0, counts.exit(), counts.err());
        assertTrue(counts.out().contains("schema versions"), counts.out());
        assertTrue(counts.out().lines().count() < 5, counts.out());
        TestSupport.Result one = TestSupport.cli("schemas", "list", "--entity", "user", "--operation", "update", "--api-version", "v1.0");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().lines().allMatch(l -> l.startsWith("v1.0  user ") && l.contains(" update ")), one.out());
    }
}
