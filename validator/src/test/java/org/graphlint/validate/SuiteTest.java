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
