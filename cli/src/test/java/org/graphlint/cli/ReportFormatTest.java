package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.ValidateOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every output format, checked by parsing what the command prints. */
class ReportFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A mixed run: valid, schema errors, a warning-only fixture, several requests, a malformed file. */
    private static String[] paths;
    private static int fixtures;
    private static int errors;
    private static int warnings;
    private static int findings;

    @BeforeAll
    static void run() {
        List<String> p = new ArrayList<>();
        String v = TestSupport.payloads().resolve("vppToken/2020-04-14").toString();
        for (String f : new String[] {"create-valid.http", "create-duplicateLocationId-too-early.http",
                "create-enum-outside-version.http", "update-valid.http"}) {
            p.add(v + "/" + f);
        }
        p.add(TestSupport.payloads().resolve("http/several-requests.http").toString());
        p.add(TestSupport.payloads().resolve("malformed/truncated.json").toString());
        paths = p.toArray(String[]::new);
        fixtures = paths.length;
        // Oracle: the library itself.
        for (String s : paths) {
            FileReport r = PayloadValidator.embedded().validateFile(java.nio.file.Path.of(s), s,
                    ValidateOptions.defaults().withVersion("2020-04-14"));
            errors += (int) r.count(Severity.ERROR);
            warnings += (int) r.count(Severity.WARNING);
            findings += r.findings().size();
        }
        assertTrue(errors >= 4 && warnings >= 2, "the run must exercise errors and warnings");
    }

    private static TestSupport.Result cli(String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", "--doc-version", "2020-04-14", "--format", format));
        args.addAll(List.of(extra));
        args.addAll(List.of(paths));
        TestSupport.Result r = TestSupport.cli(args.toArray(String[]::new));
        assertEquals("", r.err());
        assertEquals(2, r.exit(), "a malformed fixture makes the run exit 2");
        return r;
    }

    @Test
    void jsonHasTheDocumentedShape() {
        JsonNode root = JSON.readTree(cli("json").out());
        assertEquals("graphlint-validate/1", root.path("format").asString());
        assertEquals(2, root.path("exitCode").asInt());
        assertEquals("error", root.path("failOn").asString());
        assertEquals(fixtures, root.path("summary").path("fixtures").asInt());
        assertEquals(errors, root.path("summary").path("errors").asInt());
        assertEquals(warnings, root.path("summary").path("warnings").asInt());
        assertEquals(fixtures, root.path("files").size());
        int n = 0;
        for (JsonNode f : root.path("files")) {
            assertTrue(f.path("file").isString());
            assertTrue(f.path("valid").isBoolean());
            for (JsonNode t : f.path("targets")) {
                assertEquals("vppToken", t.path("entity").asString());
                assertEquals("2020-04-14", t.path("selector").asString());
                assertEquals("beta", t.path("apiVersion").asString());
            }
            for (JsonNode x : f.path("findings")) {
                n++;
                for (String field : List.of("severity", "category", "rule", "pointer", "line", "column", "request",
                        "message", "entity", "operation", "version")) {
                    assertTrue(x.has(field), field + " missing in " + x);
                }
                assertTrue(x.path("line").asInt() > 0, x.toString());
            }
        }
        assertEquals(findings, n);
        JsonNode dup = root.path("files").get(1).path("findings").get(0);
        assertEquals("enum", dup.path("rule").asString());
        assertEquals("/state", dup.path("pointer").asString());
        assertEquals(13, dup.path("line").asInt());
        assertEquals("2019-01-23", dup.path("version").asString());
        assertTrue(root.path("files").get(0).path("valid").asBoolean(), "warnings alone do not fail at --fail-on error");
    }

    @Test
    void junitIsWellFormedXmlWithOneTestcasePerFixture() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(cli("junit").out().getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(fixtures, cases.getLength());
        assertEquals(String.valueOf(fixtures), suites.getAttribute("tests"));
        assertEquals(1, doc.getElementsByTagName("error").getLength(), "the truncated file");
        int failures = doc.getElementsByTagName("failure").getLength();
        assertEquals(3, failures, "duplicateLocationId, enum, several-requests");
        assertEquals(String.valueOf(failures), suites.getAttribute("failures"));
        Element first = (Element) cases.item(0);
        assertEquals("graphlint.vppToken.create", first.getAttribute("classname"));
        assertEquals(0, first.getElementsByTagName("failure").getLength());
        assertTrue(first.getElementsByTagName("system-out").item(0).getTextContent().contains("http-content-length"));
        Element dup = (Element) cases.item(1);
        Element failure = (Element) dup.getElementsByTagName("failure").item(0);
        assertEquals("enum", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("valid from version 2020-06-18"));
    }

    @Test
    void junitTurnsWarningsIntoFailuresAtFailOnWarning() throws Exception {
        List<String> args = new ArrayList<>(List.of("validate", "--doc-version", "2020-04-14", "--format", "junit",
                "--fail-on", "warning", paths[0]));
        TestSupport.Result r = TestSupport.cli(args.toArray(String[]::new));
        assertEquals(1, r.exit());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        assertEquals("http-content-length", ((Element) doc.getElementsByTagName("failure").item(0)).getAttribute("type"));
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JSON.readTree(cli("sarif").out());
        JsonNode schemaNode;
        try (InputStream in = getClass().getResourceAsStream("/sarif-2.1.0-subset.schema.json")) {
            schemaNode = JSON.readTree(in);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(schemaNode);
        assertEquals(List.of(), schema.validate(sarif));
        // The schema is strict enough to notice a broken log.
        JsonNode broken = sarif.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "fatal");
        assertFalse(schema.validate(broken).isEmpty());

        JsonNode run = sarif.path("runs").get(0);
        assertEquals("graphlint", run.path("tool").path("driver").path("name").asString());
        JsonNode results = run.path("results");
        assertEquals(findings, results.size());
        JsonNode rules = run.path("tool").path("driver").path("rules");
        for (JsonNode r : results) {
            assertEquals(r.path("ruleId").asString(), rules.get(r.path("ruleIndex").asInt()).path("id").asString());
            JsonNode loc = r.path("locations").get(0).path("physicalLocation");
            assertFalse(loc.path("artifactLocation").path("uri").asString().contains("\\"));
            assertTrue(loc.path("region").path("startLine").asInt() >= 1);
        }
        assertFalse(run.path("invocations").get(0).path("executionSuccessful").asBoolean());
    }

    @Test
    void githubPrintsOneWorkflowCommandPerFinding() {
        String out = cli("github").out();
        Pattern cmd = Pattern.compile("^::(error|warning) file=([^,:]+),line=(\\d+),col=(\\d+),title=graphlint ([\\w-]+)::(.+)$");
        int n = 0;
        List<String> lines = out.lines().toList();
        for (String l : lines) {
            if (l.startsWith("::")) {
                Matcher m = cmd.matcher(l);
                assertTrue(m.matches(), l);
                assertTrue(Integer.parseInt(m.group(3)) >= 1);
                n++;
            }
        }
        assertEquals(findings, n);
        assertTrue(lines.get(lines.size() - 1).startsWith(fixtures + " fixtures:"), lines.get(lines.size() - 1));
        assertTrue(out.contains("::error file=" + paths[1] + ",line=13,col=12,title=graphlint enum::/state: `duplicateLocationId` is valid from version 2020-06-18"), out);
    }

    @Test
    void githubEscapesItsSpecialCharacters() {
        assertEquals("a%25b%0Ac%0D", org.graphlint.validate.report.GithubReporter.data("a%b\nc\r"));
        assertEquals("C%3A%2Cx", org.graphlint.validate.report.GithubReporter.property("C:,x"));
    }

    @Test
    void textGroupsByFileAndUsesColourOnlyWhenAsked() {
        String plain = cli("text").out();
        assertFalse(plain.contains("\u001b["), "no colour when not on a terminal");
        assertTrue(plain.contains(paths[1] + "  (vppToken create 2019-01-23)"), plain);
        assertTrue(plain.contains("13:12"), plain);
        assertTrue(plain.strip().lines().reduce((a, b) -> b).orElse("").startsWith(fixtures + " fixtures: "));
        String coloured = cli("text", "--color", "always").out();
        assertTrue(coloured.contains("\u001b[31m"), "errors in red");
    }
}
