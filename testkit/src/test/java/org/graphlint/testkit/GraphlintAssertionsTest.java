package org.graphlint.testkit;

import static org.graphlint.schema.OperationKind.CREATE;
import static org.graphlint.testkit.GraphlintAssertions.assertFinding;
import static org.graphlint.testkit.GraphlintAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class GraphlintAssertionsTest {
    static String fixture(String rel) throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("samples/payloads"))) {
            p = p.getParent();
        }
        return Files.readString(p.resolve("samples/payloads/vppToken").resolve(rel));
    }

    @Test
    void aValidBodyPasses() throws IOException {
        assertValid(fixture("2021-03-23/create-valid.json"), "vppToken", CREATE, "2021-06-01");
    }

    @Test
    void anInvalidBodyFailsWithTheFindingsAsMessage() throws IOException {
        String body = fixture("2021-03-23/create-valid.json");
        // roleScopeTagIds is documented from 2019 on: a 2018 doc version refuses it
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertValid(body, "vppToken", CREATE, "2018-12-18"));
        assertTrue(e.getMessage().startsWith("payload is not a valid vppToken create 2018-11-29 body (1 error):"), e.getMessage());
        assertTrue(e.getMessage().contains("error additionalProperties /roleScopeTagIds"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*\\n  \\d+:\\d+ error .*"), e.getMessage());
    }

    @Test
    void aWrongEntityIsAnAssertionFailureWithASuggestion() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertValid("{}", "vppTokens", CREATE, "latest"));
        assertTrue(e.getMessage().contains("vppToken"), e.getMessage());
    }

    @Test
    void assertFindingNamesWhatWasFoundInstead() throws IOException {
        String body = fixture("2021-03-23/create-unknown-property.json");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertFinding(body, "vppToken", CREATE, "latest", "enum", "/state"));
        assertTrue(e.getMessage().contains("additionalProperties"), e.getMessage());
        String pointer = e.getMessage().replaceAll("(?s).*additionalProperties (/\\S+):.*", "$1");
        assertFinding(body, "vppToken", CREATE, "latest", "additionalProperties", pointer);
        assertEquals('/', pointer.charAt(0));
    }
}
