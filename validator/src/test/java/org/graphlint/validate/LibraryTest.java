package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graphlint.schema.OperationKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public library API: the README example, targets, in-memory input, thread safety and the schema cache. */
class LibraryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theReadmeExampleWorks() {
        PayloadValidator v = PayloadValidator.embedded();
        Target t = v.target("vppToken", OperationKind.CREATE, "2020-04-14");
        FileReport r = v.validate(t, "{\n  \"displayName\": \"Token\",\n  \"state\": \"duplicateLocationId\"\n}");
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals(3, f.line());
        assertEquals(12, f.column());
        assertEquals("/state", f.pointer());
        assertEquals("enum", f.rule());
        assertTrue(f.message().startsWith("`duplicateLocationId` is valid from version 2020-06-18; you selected 2020-04-14"));
        assertEquals("2019-01-23", t.versionId());
    }

    @Test
    void aOneOffSchemaAndThePreCheckAnswerAsValidateDoes() {
        JsonNode schema = JSON.readTree("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                + " \"properties\": {\"at\": {\"type\": \"string\", \"format\": \"date-time\"},"
                + " \"size\": {\"$ref\": \"#/$defs/size\"}}, \"additionalProperties\": false,"
                + " \"$defs\": {\"size\": {\"type\": \"integer\", \"minimum\": 0}}}");
        java.util.function.Predicate<JsonNode> certainlyValid = PayloadValidator.certainlyValid(schema);
        com.networknt.schema.Schema oneOff = PayloadValidator.compileOneOff(schema);
        // RFC 3339's "unknown local offset" is a date-time for validate (networknt's own format says no)
        JsonNode good = JSON.readTree("{\"at\": \"2021-08-27T10:00:00-00:00\", \"size\": 3}");
        assertTrue(certainlyValid.test(good));
        assertEquals(List.of(), oneOff.validate(good));
        for (String bad : List.of("{\"at\": \"yesterday\"}", "{\"size\": -1}", "{\"other\": 1}")) {
            JsonNode b = JSON.readTree(bad);
            assertTrue(!certainlyValid.test(b), bad);
            assertEquals(1, oneOff.validate(b).size(), bad);
        }
    }

    @Test
    void aParsedNodeGivesPointersWithoutPositions() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.UPDATE, "latest");
        JsonNode body = JSON.readTree("{\"tokenActionResults\": [{\"actionState\": \"stuck\", \"actionNam\": \"x\"}]}");
        List<Finding> fs = v.validate(t, body);
        assertEquals(List.of("/tokenActionResults/0/actionNam", "/tokenActionResults/0/actionState"),
                fs.stream().map(Finding::pointer).sorted().toList());
        assertTrue(fs.stream().allMatch(f -> f.line() == 0 && f.file() == null));
        assertTrue(fs.stream().anyMatch(f -> f.message().contains("did you mean `actionName`?")), fs.toString());
    }

    @Test
    void aForeignOdataTypeSaysWhichTypeTheBodyMustBe() {
        Target t = TestSupport.EMBEDDED.target("vppToken", OperationKind.CREATE, "latest");
        FileReport r = TestSupport.EMBEDDED.validate(t, "{\"@odata.type\": \"#microsoft.graph.user\"}");
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("/@odata.type", f.pointer());
        assertEquals(1, f.line());
        assertEquals(17, f.column());
        assertTrue(f.message().contains("`#microsoft.graph.user`, which is not a vppToken"), f.message());
    }

    @Test
    void selectorsPickVersionsAsTheCatalogDoes() {
        PayloadValidator v = TestSupport.EMBEDDED;
        assertEquals("2018-11-29", v.target("vppToken", OperationKind.CREATE, "2018-12-18").versionId());
        assertEquals("2020-06-18", v.target("vppToken", OperationKind.CREATE, "latest").versionId());
        assertEquals("2020-06-18", v.target("vppToken", OperationKind.CREATE, "2020-06-18").versionId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.target("vppTokn", OperationKind.CREATE, "latest"));
        assertTrue(e.getMessage().contains("did you mean `vppToken`?"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.target("vppToken", OperationKind.CREATE, "1999-01-01"));
    }

    @Test
    void aCatalogFolderCanReplaceTheEmbeddedOne() {
        PayloadValidator v = PayloadValidator.load(TestSupport.testCatalog());
        Target t = v.target("vppToken", OperationKind.CREATE, "2019-08-01");
        assertEquals("2019-07-31", t.versionId());
        FileReport r = v.validate(t, "{\"state\": \"duplicateLocationId\"}");
        assertTrue(r.findings().get(0).message().contains("valid from version 2020-06-18"));
    }

    @Test
    void oneValidatorIsSafeToShareAcrossThreadsAndCompilesEachSchemaOnce() throws Exception {
        PayloadValidator v = PayloadValidator.embedded();
        List<String> bodies = List.of("{\"state\": \"duplicateLocationId\"}", "{\"displayName\": 5}", "{\"token\": \"ok\"}",
                "{\"roleScopeTagIds\": [\"0\"], \"organisationName\": \"x\"}");
        List<String> selectors = List.of("2018-12-18", "2019-07-31", "2021-03-23");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            expected.add(describe(v, bodies.get(i % bodies.size()), selectors.get(i % selectors.size())));
        }
        PayloadValidator fresh = PayloadValidator.of(org.graphlint.schema.Catalog.embedded()); // not the shared one
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i;
                got.add(pool.submit(() -> describe(fresh, bodies.get(k % bodies.size()), selectors.get(k % selectors.size()))));
            }
            for (int i = 0; i < 400; i++) {
                assertEquals(expected.get(i), got.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        // three create versions, each compiled once however many threads asked
        assertEquals(3, fresh.compiledCache().size(), fresh.compiledCache().keySet().toString());
    }

    private static String describe(PayloadValidator v, String body, String selector) {
        Target t = v.target("vppToken", OperationKind.CREATE, selector);
        StringBuilder sb = new StringBuilder(t.versionId());
        for (Finding f : v.validate(t, body).findings()) {
            sb.append('|').append(f.line()).append(':').append(f.column()).append(' ').append(f.rule()).append(' ')
                    .append(f.pointer()).append(' ').append(f.message());
        }
        return sb.toString();
    }

    @Test
    void aJsonFixtureNamedAfterItsOperationNeedsNoFlag() {
        assertEquals(OperationKind.CREATE, TargetResolver.operationInName("samples/x/create-valid.json"));
        assertEquals(OperationKind.UPDATE, TargetResolver.operationInName("vppToken-update-2021-03-23.json"));
        assertEquals(OperationKind.RESOURCE, TargetResolver.operationInName("token.resource.json"));
        assertEquals(null, TargetResolver.operationInName("created.json"));
        assertEquals(null, TargetResolver.operationInName("create-then-update.json"));
        assertEquals(null, TargetResolver.operationInName("update/body.json"), "folder names do not count");
        assertEquals(OperationKind.CREATE, TargetResolver.operationInName("CREATE-x.json"), "any ASCII case");
        assertEquals(OperationKind.UPDATE, TargetResolver.operationInName("x_Update.JSON"));
        assertEquals(OperationKind.CREATE, TargetResolver.operationInName("a\\b\\create.create.json"));
        assertEquals(OperationKind.RESOURCE, TargetResolver.operationInName("resource"));
        assertEquals(null, TargetResolver.operationInName("x-recreate-updates.json"));
        assertEquals(null, TargetResolver.operationInName("create/"));
        assertEquals(null, TargetResolver.operationInName(""));
        assertEquals(null, TargetResolver.operationInName("cre\u017Fate-re\u017Fource.json"), "only ASCII letters fold");
        FileReport r = TestSupport.EMBEDDED.validateFile(TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json"));
        assertEquals(List.of(), r.findings());
        assertEquals(OperationKind.CREATE, r.targets().get(0).operation());
        FileReport noName = TestSupport.EMBEDDED.validateText("body.json", "{\"@odata.type\": \"#microsoft.graph.vppToken\"}",
                false, null, ValidateOptions.defaults());
        assertEquals("ambiguous-target", noName.findings().get(0).rule());
        assertTrue(noName.findings().get(0).message().contains("add --operation"));
    }

    @Test
    void suggestionsFindNearNamesOnly() {
        assertEquals(List.of("roleScopeTagIds"), Suggest.nearest("roleScopeTagId", List.of("roleScopeTagIds", "token", "state")));
        assertEquals(List.of("organizationName"), Suggest.nearest("OrganisationName", List.of("organizationName", "appleId")));
        assertEquals(List.of(), Suggest.nearest("zzz", List.of("organizationName", "appleId")));
    }

    @Test
    void httpFilesSplitOnTripleHashAndSkipComments() {
        String text = "# comment\n// another\nPOST /a HTTP/1.1\nContent-Type: application/json\n\n{\"x\":1}\n\n### two\n\nGET /b\n###\n";
        List<HttpFile.Request> rs = HttpFile.parse(text);
        assertEquals(2, rs.size());
        assertEquals("POST", rs.get(0).method());
        assertEquals(3, rs.get(0).line());
        assertEquals("{\"x\":1}", rs.get(0).body());
        assertEquals(6, rs.get(0).bodyLine());
        assertEquals("GET", rs.get(1).method());
        assertEquals(10, rs.get(1).line());
        assertTrue(!rs.get(1).hasBody());
    }

    @Test
    void anEnumValueThatDiffersOnlyInLetterCaseIsAWarningNamingTheDocumentedSpelling() {
        PayloadValidator v = PayloadValidator.embedded();
        Target t = v.target("vppToken", OperationKind.CREATE, "latest");
        FileReport recased = v.validate(t, "{\"state\": \"VALID\"}");
        assertEquals(1, recased.findings().size(), recased.findings().toString());
        Finding w = recased.findings().get(0);
        assertEquals("enum-case", w.rule());
        assertEquals(Severity.WARNING, w.severity());
        assertEquals("/state", w.pointer());
        assertTrue(w.message().contains("`valid`"), w.message());
        FileReport wrong = v.validate(t, "{\"state\": \"validish\"}");
        assertEquals("enum", wrong.findings().get(0).rule());
        assertEquals(Severity.ERROR, wrong.findings().get(0).severity());
    }

    @Test
    void anOpenTypesUndocumentedPropertyIsAWarningUnlessItLooksLikeAMisspelling() {
        // openTypeExtension and user are open types in their pages' resource blocks: the service accepts custom data
        // (an open extension's own keys, a directory extension's extension_<app>_<name>)
        // (the v1.0 pages say so; beta's openTypeExtension page does not, so its schema there stays strict)
        PayloadValidator v = PayloadValidator.embedded();
        FileReport custom = v.validateText("ext.http", "POST https://graph.microsoft.com/v1.0/me/extensions\nContent-Type: application/json\n\n"
                + "{\"@odata.type\": \"microsoft.graph.openTypeExtension\", \"extensionName\": \"Com.Contoso.Referral\","
                + " \"myOwnKey\": 500050}", true, null, ValidateOptions.defaults());
        assertEquals(1, custom.findings().size(), custom.findings().toString());
        Finding w = custom.findings().get(0);
        assertEquals("open-type-property", w.rule());
        assertEquals(Severity.WARNING, w.severity());
        assertEquals("/myOwnKey", w.pointer());
        assertTrue(w.message().contains("`openTypeExtension`"), w.message());
        FileReport dirExt = v.validateText("me.http", "PATCH https://graph.microsoft.com/v1.0/me\nContent-Type: application/json\n\n"
                + "{\"officeLocation\": \"18/2111\", \"extension_9f7d_costCenter\": \"x\"}", true, null, ValidateOptions.defaults());
        assertEquals(List.of("open-type-property"), dirExt.findings().stream().map(Finding::rule).toList(), dirExt.findings().toString());
        // a near miss of a documented name is a misspelling: still an error, with its suggestion
        FileReport typo = v.validateText("me.http", "PATCH https://graph.microsoft.com/v1.0/me\nContent-Type: application/json\n\n{\"displayNme\": \"x\"}",
                true, null, ValidateOptions.defaults());
        assertEquals(1, typo.findings().size(), typo.findings().toString());
        assertEquals(Severity.ERROR, typo.findings().get(0).severity());
        assertTrue(typo.findings().get(0).message().contains("`displayName`"), typo.findings().get(0).message());
        // a type that is not open keeps unknown properties errors
        FileReport vpp = v.validate(v.target("vppToken", OperationKind.CREATE, "latest"), "{\"myOwnKey\": 1}");
        assertEquals(Severity.ERROR, vpp.findings().get(0).severity(), vpp.findings().toString());
    }
}
