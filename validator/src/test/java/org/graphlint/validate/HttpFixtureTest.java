package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.graphlint.schema.OperationKind;
import org.junit.jupiter.api.Test;

/** Request-level checks of .http fixtures: operation, Content-Type, Content-Length, several requests per file. */
class HttpFixtureTest {

    private static FileReport check(String file) {
        return TestSupport.EMBEDDED.validateFile(TestSupport.payloads().resolve("http").resolve(file), file,
                ValidateOptions.defaults());
    }

    private static Finding only(FileReport r, Severity s) {
        List<Finding> l = r.findings().stream().filter(f -> f.severity() == s).toList();
        assertEquals(1, l.size(), () -> r.findings().toString());
        return l.get(0);
    }

    @Test
    void severalRequestsAreCheckedOneByOneWithTheirOwnOperation() {
        FileReport r = check("several-requests.http");
        assertEquals(4, r.requests());
        assertEquals(List.of(OperationKind.CREATE, OperationKind.UPDATE, OperationKind.UPDATE),
                r.targets().stream().map(Target::operation).toList(), "the GET has no body to check");
        Finding f = only(r, Severity.ERROR);
        assertEquals(3, f.request());
        assertEquals("additionalProperties", f.rule());
        assertEquals("/displayname", f.pointer());
        assertEquals(51, f.line());
        assertEquals(3, f.column());
        assertTrue(f.message().contains("did you mean `displayName`?"), f.message());
    }

    @Test
    void anUndocumentedPathIsReportedWithTheNearestDocumentedOne() {
        FileReport r = check("wrong-path.http");
        Finding f = r.findings().get(0);
        assertEquals("http-operation", f.rule());
        assertEquals(1, f.line());
        assertEquals(Category.HTTP, f.category());
        assertTrue(f.message().contains("did you mean POST /deviceAppManagement/vppTokens?"), f.message());
        // one finding: the body is not checked against a guessed schema
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertTrue(f.message().contains("the body was not checked"), f.message());
    }

    @Test
    void contentTypeMustBeJson() {
        Finding missing = only(check("no-content-type.http"), Severity.ERROR);
        assertEquals("http-content-type", missing.rule());
        Finding text = only(check("text-content-type.http"), Severity.ERROR);
        assertEquals("http-content-type", text.rule());
        assertEquals(2, text.line());
        assertTrue(text.message().contains("text/plain"));
    }

    @Test
    void aCreateWithoutBodyIsAnError() {
        Finding f = only(check("no-body.http"), Severity.ERROR);
        assertEquals("http-body", f.rule());
    }

    @Test
    void aV10UrlIsCheckedAgainstTheV10Catalog() {
        FileReport r = check("v1.0-create.http");
        assertEquals(List.of(), r.findings());
        assertEquals("v1.0", r.targets().get(0).apiVersion());
    }

    @Test
    void contentLengthCountsUtf8BytesOfTheBody() {
        String body = "{\"displayName\": \"Café\"}";
        String http = "PATCH /deviceAppManagement/vppTokens/1\nContent-Type: application/json\nContent-Length: "
                + body.length() + "\n\n" + body + "\n";
        FileReport r = TestSupport.EMBEDDED.validateText("t.http", http, true, null, ValidateOptions.defaults());
        Finding f = only(r, Severity.WARNING);
        assertEquals("http-content-length", f.rule());
        assertTrue(f.message().contains("says 23 but the body is 24 bytes"), f.message());
        String ok = http.replace("Content-Length: 23", "Content-Length: 24");
        assertEquals(List.of(), TestSupport.EMBEDDED.validateText("t.http", ok, true, null, ValidateOptions.defaults()).findings());
    }

    @Test
    void urlsWithVariablesQueriesAndHostsReduceToTheDocumentedPath() {
        assertEquals("/deviceAppManagement/vppTokens", RequestChecks.pathOf("{{graph}}/beta/deviceAppManagement/vppTokens?$top=1"));
        assertEquals("/deviceAppManagement/vppTokens/{id}", RequestChecks.pathOf("https://graph.microsoft.com/v1.0/deviceAppManagement/vppTokens/{id}"));
        assertEquals("/deviceAppManagement/vppTokens", RequestChecks.pathOf("/deviceAppManagement/vppTokens/"));
    }

    @Test
    void crlfFilesKeepTheirLineNumbers() {
        String http = "POST /beta/deviceAppManagement/vppTokens\r\nContent-Type: application/json\r\n\r\n{\r\n  \"tokn\": \"x\"\r\n}\r\n";
        FileReport r = TestSupport.EMBEDDED.validateText("crlf.http", http, true, null, ValidateOptions.defaults());
        Finding f = only(r, Severity.ERROR);
        assertEquals("/tokn", f.pointer());
        assertEquals(5, f.line());
        assertEquals(3, f.column());
    }

    @Test
    void aBodyReadFromAFileIsCheckedAndItsFindingsPointAtTheIncludeLine() {
        // The bodies are in ../vppToken: inside samples/payloads, the folder a run would be given.
        FileReport r = TestSupport.EMBEDDED.validateFile(TestSupport.payloads().resolve("http/body-file.http"),
                "body-file.http", ValidateOptions.defaults().withBodyRoot(TestSupport.payloads()));
        assertEquals(3, r.requests());
        assertEquals(2, r.findings().size(), () -> r.findings().toString());
        Finding e = r.findings().get(0);
        assertEquals(2, e.request());
        assertEquals("enum", e.rule());
        assertEquals("/vppTokenAccountType", e.pointer());
        assertEquals(12, e.line());
        assertEquals(1, e.column());
        assertTrue(e.message().startsWith("in ../vppToken/2021-03-23/create-enum-outside-version.json:4:26: "), e.message());
        Finding missing = r.findings().get(1);
        assertEquals(3, missing.request());
        assertEquals("http-body-file", missing.rule());
        assertEquals(Category.INPUT, missing.category());
        assertEquals(19, missing.line());
        assertTrue(missing.message().contains("./no-such-body.json: no such file"), missing.message());
    }

    @Test
    void aBodyFileIsReadLikeAFixtureAndMeasuredForContentLength(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("body.json"), "{\"displayName\": \"é\"}");
        java.nio.file.Files.write(dir.resolve("bad.json"), new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        String http = "POST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\nContent-Type: application/json\n"
                + "Content-Length: 5\n\n< body.json\n###\nPOST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\n"
                + "Content-Type: application/json\n\n< bad.json\n";
        java.nio.file.Path f = dir.resolve("t.http");
        java.nio.file.Files.writeString(f, http);
        FileReport r = TestSupport.EMBEDDED.validateFile(f, "t.http", ValidateOptions.defaults());
        assertEquals(2, r.findings().size(), () -> r.findings().toString());
        Finding length = r.findings().get(0);
        assertEquals("http-content-length", length.rule());
        assertTrue(length.message().contains("the body is 21 bytes"), length.message());
        Finding encoding = r.findings().get(1);
        assertEquals("http-body-file", encoding.rule());
        assertTrue(encoding.message().startsWith("the body file bad.json (1:3): invalid UTF-8"), encoding.message());
    }

    @Test
    void onlyABodyThatIsOneLessThanLineNamesAFile() {
        assertEquals("a.json", HttpFile.bodyFile("< a.json"));
        assertEquals("./x/b.json", HttpFile.bodyFile("  <@ ./x/b.json \n"));
        assertEquals("", HttpFile.bodyFile("<")); // names no file: said as such (issue 15 item 14)
        assertEquals(null, HttpFile.bodyFile("< a.json\n{}"));
        assertEquals(null, HttpFile.bodyFile("{\"a\": \"<b\"}"));
        assertEquals(null, HttpFile.bodyFile(null));
    }
}
