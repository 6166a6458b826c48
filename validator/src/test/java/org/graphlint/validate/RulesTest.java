package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.report.Reporter;
import org.graphlint.validate.report.Rules;
import org.graphlint.validate.report.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 11: rules as an enum with their description and default SARIF level. */
class RulesTest {

    /** SARIF described readOnly as "JSON Schema keyword 'readOnly' failed." and gave every rule level "error". */
    @Test
    void sarifDescribesEachRuleAndGivesItsDefaultLevel() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.CREATE, "latest");
        FileReport r = v.validate(t, "{\"id\": \"x\", \"organisationName\": \"y\"}");
        List<String> rules = r.findings().stream().map(Finding::rule).toList();
        assertEquals(List.of("readOnly", "additionalProperties"), rules.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                r.findings().toString());
        StringBuilder sb = new StringBuilder();
        Reporter.forFormat("sarif", false).write(new Run(List.of(r), Severity.ERROR, 0), sb);
        JsonNode driverRules = JsonMapper.builder().build().readTree(sb.toString()).path("runs").get(0).path("tool")
                .path("driver").path("rules");
        for (JsonNode rule : driverRules) {
            String id = rule.path("id").asString();
            String text = rule.path("shortDescription").path("text").asString();
            String level = rule.path("defaultConfiguration").path("level").asString();
            assertFalse(text.startsWith("JSON Schema keyword"), id + ": " + text);
            assertEquals(id.equals("readOnly") ? "warning" : "error", level, id);
            assertEquals(Rules.of(id).description(), text);
        }
        assertEquals(2, driverRules.size());
    }

    /** Each rule's default level is the severity the library gives its findings where that is fixed. */
    @Test
    void defaultLevelsMatchTheSeverities() {
        assertEquals(Rules.Level.WARNING, Rules.levelOf("enum-case"));
        assertEquals(Rules.Level.WARNING, Rules.levelOf("bom"));
        assertEquals(Rules.Level.ERROR, Rules.levelOf("pattern"));
        assertEquals("JSON Schema keyword 'pattern' failed.", Rules.describe("pattern"));
    }
}
