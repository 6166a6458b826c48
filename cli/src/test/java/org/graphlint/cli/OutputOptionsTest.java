package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Standard input, --report files, --quiet and --fail-on, as a CI step uses them. */
class OutputOptionsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path VPP = TestSupport.payloads().resolve("vppToken/2021-03-23");

    static TestSupport.Result cli(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GraphlintCommand.execute(args, in, new PrintWriter(out, true), new PrintWriter(err, true));
        return new TestSupport.Result(code, out.toString(), err.toString());
    }

    static InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dashReadsTheFixtureFromStandardInput() throws Exception {
        String valid = Files.readString(VPP.resolve("create-valid.json"));
        TestSupport.Result ok = cli(stdin(valid), "validate", "--entity", "vppToken", "--operation", "create", "-");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("1 fixture, all valid"), ok.out());

        String bad = Files.readString(VPP.resolve("create-unknown-property.json"));
        TestSupport.Result named = cli(stdin(bad), "validate", "--format", "json", "--stdin-name", "fixtures/create-token.json", "-");
        assertEquals(1, named.exit(), named.out() + named.err());
        JsonNode f = JSON.readTree(named.out()).path("files").get(0);
        assertEquals("fixtures/create-token.json", f.path("file").asString());
        assertEquals("additionalProperties", f.path("findings").get(0).path("rule").asString());
        assertTrue(f.path("findings").get(0).path("line").asInt() > 0, named.out());
    }

    @Test
    void aStdinNameEndingInHttpIsReadAsAnHttpFile() throws Exception {
        String http = Files.readString(VPP.resolve("create-duplicateLocationId-valid.http"));
        TestSupport.Result r = cli(stdin(http), "validate", "--doc-version", "2020-04-14", "--stdin-name", "req.http", "-");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("req.http") && r.out().contains("valid from version 2020-06-18"), r.out());
    }

    @Test
    void standardInputIsCappedAndDecodedStrictly() {
        InputStream zeros = new InputStream() { // /dev/zero: endless
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        TestSupport.Result big = cli(zeros, "validate", "--max-size", "64k", "--entity", "vppToken", "--operation", "create", "-");
        assertEquals(2, big.exit(), big.out() + big.err());
        assertTrue(big.out().contains("too-large") && big.out().contains("<stdin>"), big.out());

        TestSupport.Result latin1 = cli(new ByteArrayInputStream(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'}),
                "validate", "--entity", "vppToken", "--operation", "create", "-");
        assertEquals(2, latin1.exit(), latin1.out());
        assertTrue(latin1.out().contains("not valid UTF-8 (byte 7)"), latin1.out());

        TestSupport.Result twice = cli(stdin("{}"), "validate", "-", "-");
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("more than once"), twice.err());
    }

    @Test
    void reportFilesAreWrittenBesideStandardOutput(@TempDir Path tmp) throws Exception {
        Path sarif = tmp.resolve("out/graphlint.sarif");
        Path junit = tmp.resolve("TEST-graphlint.xml");
        Files.writeString(junit, ""); // an empty file may be replaced (see aReportReplacesOnlyGraphlintsOwnReports)
        String fixture = VPP.resolve("create-unknown-property.json").toString();
        TestSupport.Result r = TestSupport.cli("validate", "--report", "sarif=" + sarif, "--report", "JUNIT=" + junit, fixture);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("additionalProperties"), r.out()); // text on stdout
        JsonNode s = JSON.readTree(sarif.toFile());
        assertEquals("additionalProperties", s.path("runs").get(0).path("results").get(0).path("ruleId").asString());
        assertTrue(Files.readString(junit).startsWith("<?xml"), Files.readString(junit));
        // the same report as --format gives on stdout, but for the elapsed time
        TestSupport.Result std = TestSupport.cli("validate", "--format", "sarif", fixture);
        assertEquals(JSON.readTree(std.out()).path("runs").get(0).path("results"), s.path("runs").get(0).path("results"));
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(sarif), left.toList(), "no temporary files left behind");
        }
    }

    /**
     * Nothing graphlint did not write is overwritten (issue 15): a --report file that exists is replaced only when it
     * is empty or one of graphlint's reports, of any format; anything else is refused, exit 2, and left as it was.
     */
    @Test
    void aReportReplacesOnlyGraphlintsOwnReports(@TempDir Path tmp) throws Exception {
        String fixture = VPP.resolve("create-unknown-property.json").toString();
        Path mine = Files.writeString(tmp.resolve("TEST-graphlint.xml"), "an older report");
        TestSupport.Result refused = TestSupport.cli("validate", "--report", "junit=" + mine, fixture);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains(mine.toString()) && refused.err().contains("not a graphlint report")
                && refused.err().contains("delete the file or name another"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertEquals("an older report", Files.readString(mine));
        assertEquals("", refused.out(), "refused before the run");

        // Every format graphlint writes is recognised as its own, and replaced by any other.
        List<String> formats = List.of("text", "json", "junit", "sarif", "github");
        for (String first : formats) {
            Path f = tmp.resolve("report-" + first);
            TestSupport.Result w = TestSupport.cli("validate", "--report", first + "=" + f, fixture);
            assertEquals(1, w.exit(), first + ": " + w.err());
            for (String next : formats) {
                TestSupport.Result again = TestSupport.cli("validate", "--report", next + "=" + f, fixture);
                assertEquals(1, again.exit(), first + " then " + next + ": " + again.err());
                TestSupport.Result back = TestSupport.cli("validate", "--report", first + "=" + f, fixture);
                assertEquals(1, back.exit(), next + " then " + first + ": " + back.err());
            }
        }
        // Text and github reports carry the marker as their last line, in the file only: stdout is unchanged.
        TestSupport.Result std = TestSupport.cli("validate", fixture);
        Path text = tmp.resolve("report-text");
        String written = Files.readString(text);
        assertTrue(written.endsWith("\ngraphlint " + org.graphlint.validate.GraphlintVersion.get() + " report\n"), written);
        assertFalse(std.out().contains(" report\n") && std.out().contains("graphlint " + org.graphlint.validate.GraphlintVersion.get()),
                std.out());
        assertEquals(std.out(), written.substring(0, written.lastIndexOf("graphlint ")));
        // A file that merely mentions graphlint is not one of its reports.
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "graphlint is run in CI\nsee the graphlint report\n");
        assertEquals(2, TestSupport.cli("validate", "--report", "text=" + notes, fixture).exit());
        assertEquals("graphlint is run in CI\nsee the graphlint report\n", Files.readString(notes));
    }

    /** The same rule for diff --report, whose text, markdown and JSON reports say whose they are in the file. */
    @Test
    void diffReportsReplaceOnlyGraphlintsOwn(@TempDir Path tmp) throws Exception {
        Path seeds = TestSupport.repoRoot().resolve("samples/pages/seeds");
        String a = seeds.resolve("000_a50ef260b08e607c.md").toString();
        String b = seeds.resolve("001_df977c7fe14f72a9.md").toString();
        Path user = Files.writeString(tmp.resolve("changes.md"), "# my notes\n");
        TestSupport.Result refused = TestSupport.cli("diff", a, b, "--report", "markdown=" + user);
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("not a graphlint report"), refused.err());
        assertEquals("# my notes\n", Files.readString(user));
        for (String format : List.of("text", "markdown", "json")) {
            Path f = tmp.resolve("diff-" + format);
            TestSupport.Result first = TestSupport.cli("diff", a, b, "--report", format + "=" + f);
            assertTrue(first.exit() <= 1, first.err());
            assertTrue(ReportFiles.writtenByGraphlint(f), format + ": " + Files.readString(f));
            TestSupport.Result again = TestSupport.cli("diff", a, b, "--report", format + "=" + f);
            assertEquals(first.exit(), again.exit(), again.err());
            TestSupport.Result std = TestSupport.cli("diff", a, b, "--format", format);
            assertFalse(std.out().contains(" report"), "no marker on stdout: " + std.out());
            if (format.equals("json")) {
                assertEquals("graphlint-diff/1", JSON.readTree(f.toFile()).path("format").asString());
                assertTrue(JSON.readTree(std.out()).path("format").isMissingNode());
            }
        }
    }

    /** An unknown 100 KB --entity was echoed whole in its one-line error. */
    @Test
    void aHugeUnknownEntityIsAbbreviatedInItsError() {
        String huge = "x".repeat(100_000);
        TestSupport.Result r = TestSupport.cli("validate", "--entity", huge, "--operation", "create",
                VPP.resolve("create-valid.json").toString());
        assertEquals(2, r.exit(), r.err().length() > 300 ? r.err().substring(0, 300) : r.err());
        assertTrue(r.err().length() < 2_000, "the error is " + r.err().length() + " characters");
        assertTrue(r.err().contains("no schemas for entity 'xxxx"), r.err());
    }

    @Test
    void aReportNeverReplacesAnInputOrAFolder(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("create-x.json");
        Files.copy(VPP.resolve("create-valid.json"), fixture);
        String before = Files.readString(fixture);
        TestSupport.Result r = TestSupport.cli("validate", "--report", "json=" + fixture, fixture.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is also an input"), r.err());
        assertEquals(before, Files.readString(fixture));
        TestSupport.Result dir = TestSupport.cli("validate", "--report", "json=" + tmp, fixture.toString());
        assertEquals(2, dir.exit());
        assertTrue(dir.err().contains("not a regular file"), dir.err());
        TestSupport.Result fmt = TestSupport.cli("validate", "--report", "html=x.html", fixture.toString());
        assertEquals(2, fmt.exit());
        assertTrue(fmt.err().contains("unknown format 'html'"), fmt.err());
    }

    @Test
    void quietPrintsNothingAndKeepsTheExitCode(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("r.json");
        TestSupport.Result r = TestSupport.cli("validate", "-q", "--report", "json=" + json,
                VPP.resolve("create-unknown-property.json").toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertFalse(JSON.readTree(json.toFile()).path("files").get(0).path("valid").asBoolean(true));
    }

    @Test
    void failOnNoneReportsButPassesUnlessInputIsUnreadable() {
        TestSupport.Result r = TestSupport.cli("validate", "--fail-on", "none", VPP.resolve("create-unknown-property.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("additionalProperties"), r.out());
        TestSupport.Result missing = TestSupport.cli("validate", "--fail-on", "none", "no/such.json");
        assertEquals(2, missing.exit());
        TestSupport.Result warn = TestSupport.cli("validate", "--fail-on", "warning",
                TestSupport.payloads().resolve("vppToken/2018-12-18/create-valid.http").toString());
        TestSupport.Result err = TestSupport.cli("validate", "--fail-on", "error",
                TestSupport.payloads().resolve("vppToken/2018-12-18/create-valid.http").toString());
        // the seed .http bodies declare a CRLF-era Content-Length: a warning, failing only with --fail-on warning
        assertTrue(warn.out().contains("warning"), warn.out());
        assertEquals(1, warn.exit(), warn.out());
        assertEquals(0, err.exit(), err.out());
    }

    @Test
    void diffFailsOnWhatItIsToldTo(@TempDir Path tmp) throws Exception {
        Path cat = tmp.resolve("cat");
        Path seeds = TestSupport.repoRoot().resolve("samples/pages/seeds");
        assertEquals(0, TestSupport.cli("schemas", "build", seeds.toString(), "--out", cat.toString()).exit());
        String c = cat.toString();
        // forward: additions only (nothing breaking); backward: removals (breaking)
        assertEquals(0, TestSupport.cli("diff", "2018-12-18", "2021-03-23", "--catalog", c).exit());
        assertEquals(1, TestSupport.cli("diff", "2018-12-18", "2021-03-23", "--catalog", c, "--fail-on", "any").exit());
        assertEquals(0, TestSupport.cli("diff", "2021-03-23", "2018-12-18", "--catalog", c, "--fail-on", "none").exit());
        assertEquals(1, TestSupport.cli("diff", "2021-03-23", "2018-12-18", "--catalog", c).exit());
        assertEquals(0, TestSupport.cli("diff", "2021-03-23", "2021-03-23", "--catalog", c, "--fail-on", "any").exit());
        assertEquals(2, TestSupport.cli("diff", "2021-03-23", "2018-12-18", "--catalog", c, "--fail-on", "all").exit());
        Path md = tmp.resolve("diff.md");
        TestSupport.Result q = TestSupport.cli("diff", "2021-03-23", "2018-12-18", "--catalog", c, "-q", "--report", "markdown=" + md);
        assertEquals("", q.out());
        assertTrue(Files.readString(md).contains("| property-removed | `roleScopeTagIds` |"), Files.readString(md));
    }

    @Test
    void parseAlwaysPrintsJsonLinesUnlessPretty() {
        Path seeds = TestSupport.repoRoot().resolve("samples/pages/seeds");
        String one = seeds.resolve("001_df977c7fe14f72a9.md").toString();
        TestSupport.Result lines = TestSupport.cli("parse", "--format", "json", one);
        assertEquals(1, lines.out().strip().lines().count(), "one page, one line");
        TestSupport.Result pretty = TestSupport.cli("parse", "--pretty", one);
        assertTrue(pretty.out().strip().lines().count() > 10);
        assertEquals(JSON.readTree(lines.out()), JSON.readTree(pretty.out()));
        TestSupport.Result quiet = TestSupport.cli("parse", "-q", one);
        assertEquals("", quiet.out());
        assertEquals(0, quiet.exit());
    }

    @Test
    void httpVariablesComeFromTheFileAndFromVar(@TempDir Path tmp) throws Exception {
        Path http = tmp.resolve("create.http");
        Files.writeString(http, "@host = https://graph.microsoft.com\n\nPOST {{host}}/beta/deviceAppManagement/vppTokens\n"
                + "Content-Type: application/json\n\n{\"organizationName\": \"{{org}}\"}\n");
        TestSupport.Result missing = TestSupport.cli("validate", http.toString());
        assertEquals(1, missing.exit(), missing.out() + missing.err());
        assertTrue(missing.out().contains("http-variable") && missing.out().contains("{{org}}"), missing.out());
        assertEquals(1, missing.out().lines().filter(l -> l.contains("http-variable")).count(), missing.out());
        TestSupport.Result given = TestSupport.cli("validate", "--var", "org=Contoso", http.toString());
        assertEquals(0, given.exit(), given.out() + given.err());
        TestSupport.Result bad = TestSupport.cli("validate", "--var", "org", http.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("write NAME=VALUE"), bad.err());
    }
}
