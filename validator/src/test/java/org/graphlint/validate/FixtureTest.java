package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.graphlint.schema.OperationKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled fixtures against the embedded catalog: each seed example passes, each broken fixture fails precisely. */
class FixtureTest {

    private static FileReport check(String selector, String file, OperationKind op) {
        Path p = TestSupport.payloads().resolve("vppToken").resolve(selector).resolve(file);
        ValidateOptions o = ValidateOptions.defaults().withVersion(selector).withOperation(op);
        return TestSupport.EMBEDDED.validateFile(p, file, o);
    }

    private static List<Finding> errors(FileReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @ParameterizedTest(name = "{0}: the seed page''s own request example validates against {1}")
    @CsvSource({
        "2018-12-18, 2018-11-29",
        "2019-07-31, 2019-01-23",
        "2020-04-14, 2019-01-23",
        "2021-03-23, 2020-06-18",
    })
    void seedExamplesValidateAgainstTheirOwnVersion(String selector, String versionId) {
        FileReport http = check(selector, "create-valid.http", null);
        assertEquals(List.of(), errors(http), () -> http.findings().toString());
        assertEquals(1, http.targets().size());
        assertEquals(versionId, http.targets().get(0).versionId());
        assertEquals(OperationKind.CREATE, http.targets().get(0).operation());
        // The docs' Content-length is wrong on every seed page: a warning, not an error.
        assertTrue(http.findings().stream().anyMatch(f -> f.rule().equals("http-content-length")
                && f.severity() == Severity.WARNING && f.line() == 4));

        FileReport json = check(selector, "create-valid.json", OperationKind.CREATE);
        assertEquals(List.of(), errors(json), () -> json.findings().toString());
        assertEquals(versionId, json.targets().get(0).versionId());

        FileReport update = check(selector, "update-valid.http", null);
        assertEquals(List.of(), errors(update), () -> update.findings().toString());
        assertEquals(OperationKind.UPDATE, update.targets().get(0).operation());
        assertEquals(versionId, update.targets().get(0).versionId());
    }

    @ParameterizedTest(name = "{0}/{1}: {2} at {3}, line {4}")
    @CsvSource(delimiter = '|', value = {
        "2018-12-18|create-unknown-property.json|additionalProperties|/organisationName|3|did you mean `organizationName`?",
        "2018-12-18|create-wrong-type.json|type|/automaticallyUpdateApps|21|expected boolean or null, found string `yes`",
        "2018-12-18|create-bad-date-time.json|format|/expirationDateTime|6|is not a valid date-time",
        "2018-12-18|create-enum-outside-version.json|enum|/vppTokenAccountType|4|`enterprise` is not an allowed value; allowed in 2018-11-29: `business`, `education`",
        "2018-12-18|create-enum-outside-version.http|enum|/vppTokenAccountType|8|`enterprise` is not an allowed value",
        "2018-12-18|create-roleScopeTagIds-too-early.json|additionalProperties|/roleScopeTagIds|27|`roleScopeTagIds` is documented from version 2019-01-23; you selected 2018-12-18",
        "2018-12-18|create-roleScopeTagIds-too-early.http|additionalProperties|/roleScopeTagIds|31|`roleScopeTagIds` is documented from version 2019-01-23; you selected 2018-12-18",
        "2018-12-18|create-duplicateLocationId-too-early.json|enum|/state|10|`duplicateLocationId` is valid from version 2020-06-18; you selected 2018-12-18",
        "2018-12-18|create-duplicateLocationId-too-early.http|enum|/state|14|`duplicateLocationId` is valid from version 2020-06-18; you selected 2018-12-18",
        "2019-07-31|create-unknown-property.json|additionalProperties|/organisationName|3|did you mean `organizationName`?",
        "2019-07-31|create-wrong-type.json|type|/automaticallyUpdateApps|20|found string",
        "2019-07-31|create-bad-date-time.json|format|/expirationDateTime|6|is not a valid date-time",
        "2019-07-31|create-enum-outside-version.json|enum|/vppTokenAccountType|4|allowed in 2019-01-23",
        "2019-07-31|create-enum-outside-version.http|enum|/vppTokenAccountType|8|allowed in 2019-01-23",
        "2019-07-31|create-duplicateLocationId-too-early.json|enum|/state|9|`duplicateLocationId` is valid from version 2020-06-18; you selected 2019-07-31",
        "2019-07-31|create-duplicateLocationId-too-early.http|enum|/state|13|`duplicateLocationId` is valid from version 2020-06-18; you selected 2019-07-31",
        "2020-04-14|create-unknown-property.json|additionalProperties|/organisationName|3|did you mean `organizationName`?",
        "2020-04-14|create-wrong-type.json|type|/automaticallyUpdateApps|20|found string",
        "2020-04-14|create-bad-date-time.json|format|/expirationDateTime|6|is not a valid date-time",
        "2020-04-14|create-enum-outside-version.json|enum|/vppTokenAccountType|4|allowed in 2019-01-23",
        "2020-04-14|create-enum-outside-version.http|enum|/vppTokenAccountType|8|allowed in 2019-01-23",
        "2020-04-14|create-duplicateLocationId-too-early.json|enum|/state|9|`duplicateLocationId` is valid from version 2020-06-18; you selected 2020-04-14",
        "2020-04-14|create-duplicateLocationId-too-early.http|enum|/state|13|`duplicateLocationId` is valid from version 2020-06-18; you selected 2020-04-14",
        "2021-03-23|create-unknown-property.json|additionalProperties|/organisationName|3|did you mean `organizationName`?",
        "2021-03-23|create-wrong-type.json|type|/automaticallyUpdateApps|20|found string",
        "2021-03-23|create-bad-date-time.json|format|/expirationDateTime|6|is not a valid date-time",
        "2021-03-23|create-enum-outside-version.json|enum|/vppTokenAccountType|4|allowed in 2020-06-18",
        "2021-03-23|create-enum-outside-version.http|enum|/vppTokenAccountType|8|allowed in 2020-06-18",
    })
    void brokenFixturesFailWithOneErrorAtTheRightPlace(String selector, String file, String rule, String pointer, int line,
            String message) {
        FileReport r = check(selector, file, file.endsWith(".json") ? OperationKind.CREATE : null);
        List<Finding> errors = errors(r);
        assertEquals(1, errors.size(), () -> "exactly one error expected: " + r.findings());
        Finding f = errors.get(0);
        assertEquals(rule, f.rule());
        assertEquals(pointer, f.pointer());
        assertEquals(line, f.line());
        assertTrue(f.column() > 0);
        assertEquals(Category.SCHEMA, f.category());
        assertTrue(f.message().contains(message), () -> "message: " + f.message());
        assertEquals(file, f.file());
    }

    @ParameterizedTest
    @CsvSource({"2021-03-23"})
    void duplicateLocationIdIsValidFromMid2020(String selector) {
        FileReport r = check(selector, "create-duplicateLocationId-valid.http", null);
        assertEquals(List.of(), errors(r));
        assertEquals("2020-06-18", r.targets().get(0).versionId());
        // and the same body is refused by the version before
        FileReport before = check("2020-04-14", "create-duplicateLocationId-too-early.http", null);
        assertFalse(errors(before).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"2018-12-18, 9", "2019-07-31, 0"})
    void readOnlyPropertiesInACreateBodyWarn(String selector, int line) {
        FileReport r = check(selector, "create-valid.json", OperationKind.CREATE);
        List<Finding> ro = r.findings().stream().filter(f -> f.rule().equals("readOnly")).toList();
        if (line == 0) {
            assertEquals(List.of(), ro);
        } else {
            assertEquals(1, ro.size());
            assertEquals("/lastModifiedDateTime", ro.get(0).pointer());
            assertEquals(line, ro.get(0).line());
            assertEquals(Severity.WARNING, ro.get(0).severity());
        }
    }
}
