package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official JSON-Schema-Test-Suite (draft 2020-12; MIT, copied under src/test/resources/json-schema-test-suite with
 * its licence) against the pre-check: wherever {@link QuickCheck} says "certainly valid", the suite must expect valid.
 * Run on the required tests and on {@code optional/format} for the formats graphlint's schemas use (date-time, date,
 * uuid, duration; pattern is in the required tests). Where the pre-check is unsupported for a schema (a remote
 * {@code $ref}, a keyword it does not know) it never answers, so nothing is claimed. Any difference left is listed in
 * {@link #KNOWN} with its reason.
 */
class SuiteTest {
    static final Path SUITE = Path.of("src/test/resources/json-schema-test-suite/tests/draft2020-12");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** "file / group / test" -> why the pre-check (through networknt's own format or regex) differs from the suite. */
    static final Map<String, String> KNOWN = Map.of();

    /**
     * "file / group / test" -> why graphlint's final verdict (pre-check, then networknt with graphlint's formats)
     * differs from the suite on the formats graphlint's schemas use.
     */
    static final Map<String, String> FINAL_KNOWN = Map.of(
            "duration / validation of duration strings / years and days cannot appear without months",
            "networknt's duration (graphlint's too) is ISO 8601's, which allows P1Y2D; RFC 3339 appendix A does not."
                    + " Graph's Edm.Duration is xsd:duration (ISO 8601) and the service accepts it: rejecting it would"
                    + " be a false positive on a payload Graph takes",
            "duration / validation of duration strings / hours and seconds cannot appear without minutes",
            "as above: PT1H2S is an ISO 8601 (xsd:duration) value Graph accepts; RFC 3339 appendix A omits it");

    /**
     * Issue 15, item 15: the final verdict, not only the pre-check, follows RFC 3339 and the suite on the formats
     * graphlint's schemas use (networknt alone rejected {@code -00:00} offsets and accepted a trailing newline).
     */
    @Test
    void theFinalVerdictFollowsTheSuiteOnFormats() throws IOException {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (String f : List.of("date-time", "date", "uuid", "duration")) {
            Path file = SUITE.resolve("optional/format/" + f + ".json");
            int g = 0;
            for (JsonNode group : JSON.readTree(file.toFile())) {
                org.graphlint.schema.Catalog c = org.graphlint.schema.Catalog.of("beta", List.of(
                        new org.graphlint.schema.SchemaVersion("suite", org.graphlint.schema.OperationKind.CREATE,
                                "2020-01-01", group.get("schema"), List.of(), List.of())), List.of(), Map.of());
                PayloadValidator v = PayloadValidator.of(c);
                Target t = v.target("suite", org.graphlint.schema.OperationKind.CREATE, "latest");
                for (JsonNode test : group.get("tests")) {
                    cases++;
                    String id = f + " / " + group.path("description").asString() + " / " + test.path("description").asString();
                    boolean valid = v.validate(t, test.get("data")).isEmpty();
                    if (valid != test.path("valid").asBoolean() && !FINAL_KNOWN.containsKey(id)) {
                        wrong.add(id + "  data=" + test.get("data") + " graphlint says " + (valid ? "valid" : "invalid"));
                    }
                }
                g++;
            }
        }
        // RFC 3339 section 4.3: -00:00 is an offset ("unknown local offset"), not in the suite; networknt rejected it.
        org.graphlint.schema.Catalog c = org.graphlint.schema.Catalog.of("beta", List.of(new org.graphlint.schema.SchemaVersion(
                "dt", org.graphlint.schema.OperationKind.CREATE, "2020-01-01",
                JSON.readTree("{\"type\": \"string\", \"format\": \"date-time\"}"), List.of(), List.of())), List.of(), Map.of());
        PayloadValidator v = PayloadValidator.of(c);
        Target t = v.target("dt", org.graphlint.schema.OperationKind.CREATE, "latest");
        for (String ok : List.of("2020-06-18T10:00:00-00:00", "2020-06-18T10:00:00.1234567-00:00")) {
            if (!v.validate(t, JSON.getNodeFactory().stringNode(ok)).isEmpty()) {
                wrong.add("RFC 3339 4.3 / " + ok + " graphlint says invalid");
            }
        }
        assertEquals(List.of(), wrong, "graphlint's verdict differs from the suite");
        assertTrue(cases > 150, "only " + cases + " cases");
    }

    @Test
    void thePreCheckNeverCallsValidWhatTheSuiteCallsInvalid() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SUITE)) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        for (String f : List.of("date-time", "date", "uuid", "duration")) {
            files.add(SUITE.resolve("optional/format/" + f + ".json"));
        }
        List<String> wrong = new ArrayList<>();
        int claimed = 0;
        int cases = 0;
        for (Path file : files) {
            for (JsonNode group : JSON.readTree(file.toFile())) {
                QuickCheck q = QuickCheck.compile(group.get("schema"), JDKRegularExpressionFactory.getInstance());
                for (JsonNode test : group.get("tests")) {
                    cases++;
                    String id = SUITE.relativize(file) + " / " + group.path("description").asString() + " / "
                            + test.path("description").asString();
                    if (q.certainlyValid(test.get("data"))) {
                        claimed++;
                        if (!test.path("valid").asBoolean() && !KNOWN.containsKey(id)) {
                            wrong.add(id + "  data=" + test.get("data"));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "the pre-check called these valid; the suite says invalid");
        assertTrue(claimed > 300, "the pre-check answered only " + claimed + " of " + cases + " cases");
        System.out.println("JSON-Schema-Test-Suite: " + cases + " cases, " + claimed + " proven valid by the pre-check");
    }
}
