package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graphlint.schema.OperationKind;
import org.junit.jupiter.api.Test;

/** Malformed fixtures give findings (or exit 2 with one line), never a stack trace or an out-of-memory crash. */
class BadInputTest {
    @Test
    void aByteOrderMarkIsAWarningAndTheBodyIsStillChecked() {
        FileReport r = TestSupport.EMBEDDED.validateFile(TestSupport.payloads().resolve("malformed/bom.json"), "bom.json",
                ValidateOptions.defaults().withOperation(OperationKind.CREATE));
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals("bom", r.findings().get(0).rule());
        assertEquals(Severity.WARNING, r.findings().get(0).severity());
        assertEquals(1, r.targets().size());
    }

    @Test
    void deepButReadableNestingIsValidatedWithoutRecursionTrouble() {
        // 450 levels inside a property the schema types as an array of strings: Jackson reads it, networknt walks it.
        String body = "{\"roleScopeTagIds\": " + "[".repeat(450) + "]".repeat(450) + "}";
        FileReport r = TestSupport.EMBEDDED.validateText("deep.json", body, false,
                TestSupport.EMBEDDED.target("vppToken", OperationKind.CREATE, "latest"), ValidateOptions.defaults());
        assertTrue(r.findings().stream().allMatch(f -> f.category() == Category.SCHEMA), r.findings().toString());
        assertFalse(r.findings().isEmpty());
    }

}
