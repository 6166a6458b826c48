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
        // and, with nothing to say which operation the body is for, the flag to add is named
        assertTrue(r.findings().stream().anyMatch(x -> x.rule().equals("ambiguous-target")
                && x.message().contains("--operation")));
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
        assertEquals("/deviceAppManagement/vppTokens", PayloadValidator.pathOf("{{graph}}/beta/deviceAppManagement/vppTokens?$top=1"));
        assertEquals("/deviceAppManagement/vppTokens/{id}", PayloadValidator.pathOf("https://graph.microsoft.com/v1.0/deviceAppManagement/vppTokens/{id}"));
        assertEquals("/deviceAppManagement/vppTokens", PayloadValidator.pathOf("/deviceAppManagement/vppTokens/"));
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
}
