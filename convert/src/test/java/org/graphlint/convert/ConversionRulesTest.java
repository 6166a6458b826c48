package org.graphlint.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Target;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One test per conversion rule, on small hand-written schema pairs (and one on the real vppToken versions). */
class ConversionRulesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String s) {
        return JSON.readTree(s.replace('\'', '"'));
    }

    /** Two versions "2020-01-01" (A) and "2021-01-01" (B) of entity "widget" create, from two schema texts. */
    static Conversion convert(String schemaA, String schemaB, String payload) {
        return converter(schemaA, schemaB).convert(json(payload), target(schemaA, "2020-01-01"), target(schemaB, "2021-01-01"));
    }

    private static final Map<String, PayloadConverter> CONVERTERS = new java.util.concurrent.ConcurrentHashMap<>();

    static PayloadConverter converter(String a, String b) {
        return CONVERTERS.computeIfAbsent(a + "\u0000" + b, k -> {
            Catalog cat = Catalog.of("beta", List.of(version(a, "2020-01-01"), version(b, "2021-01-01")), List.of(), Map.of());
            return PayloadConverter.of(PayloadValidator.of(cat));
        });
    }

    static SchemaVersion version(String schema, String id) {
        return new SchemaVersion("widget", OperationKind.CREATE, id, json(schema), List.of(), List.of());
    }

    static Target target(String schema, String id) {
        return new Target(version(schema, id), id, "beta");
    }

    static String obj(String props) {
        return "{'type':'object','properties':{" + props + "},'additionalProperties':false}";
    }

    static Change only(Conversion c) {
        assertEquals(1, c.changes().size(), () -> "changes: " + c.changes());
        return c.changes().get(0);
    }

    @Test
    void aPropertyTheTargetDoesNotHaveIsRemovedAndLost() {
        Conversion c = convert(obj("'a':{'type':'string'},'b':{'type':'string'}"), obj("'a':{'type':'string'}"),
                "{'a':'x','b':'y'}");
        assertEquals(json("{'a':'x'}"), c.output());
        Change ch = only(c);
        assertEquals("/b", ch.pointer());
        assertEquals(ChangeKind.PROPERTY_NOT_IN_TARGET, ch.kind());
        assertEquals(Outcome.REMOVED, ch.outcome());
        assertTrue(ch.lossy());
        assertEquals("\"y\"", ch.oldValue());
        assertTrue(c.valid());
    }

    @Test
    void aPropertyAllowedByPatternOrOpenAdditionalPropertiesIsKept() {
        String b = "{'type':'object','properties':{'a':{'type':'string'}},'patternProperties':{'@odata\\\\.':{}},"
                + "'additionalProperties':false}";
        Conversion c = convert(obj("'a':{'type':'string'},'x@odata.etag':{'type':'string'}"), b, "{'a':'x','x@odata.etag':'1'}");
        assertEquals(List.of(), c.changes());
        Conversion open = convert(obj("'a':{'type':'string'}"), "{'type':'object'}", "{'a':'x'}");
        assertEquals(List.of(), open.changes());
    }

    @Test
    void anEnumValueTheTargetDoesNotAllowIsRemoved() {
        Conversion c = convert(obj("'s':{'type':['string','null'],'enum':['a','b','c',null]}"),
                obj("'s':{'type':['string','null'],'enum':['a','b',null]}"), "{'s':'c','t':null}".replace(",'t':null", ""));
        Change ch = only(c);
        assertEquals(ChangeKind.ENUM_VALUE_NOT_IN_TARGET, ch.kind());
        assertEquals("/s", ch.pointer());
        assertTrue(ch.message().contains("`c`"), ch.message());
        assertEquals(json("{}"), c.output());
    }

    @Test
    void anEnumValueWhoseReplacementTheTargetDocsNameIsReplaced() {
        Conversion c = convert(obj("'s':{'type':'string','enum':['old','b']}"),
                obj("'s':{'type':'string','enum':['new','b'],'description':'Possible values: new, b. `old` is replaced by `new`.'}"),
                "{'s':'old'}");
        Change ch = only(c);
        assertEquals(ChangeKind.ENUM_VALUE_REPLACED, ch.kind());
        assertEquals(Outcome.REPLACED, ch.outcome());
        assertEquals("\"new\"", ch.newValue());
        assertEquals(json("{'s':'new'}"), c.output());
    }

    @Test
    void nestedObjectsAndArraysAreConvertedRecursivelyThroughRefs() {
        String a = "{'type':'object','properties':{'items':{'type':'array','items':{'$ref':'#/$defs/it'}}},"
                + "'additionalProperties':false,'$defs':{'it':" + obj("'k':{'type':'string'},'gone':{'type':'integer'}") + "}}";
        String b = "{'type':'object','properties':{'items':{'type':'array','items':{'$ref':'#/$defs/it'}}},"
                + "'additionalProperties':false,'$defs':{'it':" + obj("'k':{'type':'string'}") + "}}";
        Conversion c = convert(a, b, "{'items':[{'k':'x','gone':1},{'k':'y'},{'gone':2}]}");
        assertEquals(json("{'items':[{'k':'x'},{'k':'y'},{}]}"), c.output());
        assertEquals(List.of("/items/0/gone", "/items/2/gone"), c.changes().stream().map(Change::pointer).toList());
    }

    @Test
    void aNumberBecomesItsStringFormWithoutLoss() {
        Conversion c = convert(obj("'n':{'type':'integer'}"), obj("'n':{'type':'string'}"), "{'n':42}");
        Change ch = only(c);
        assertEquals(ChangeKind.TYPE_CONVERTED, ch.kind());
        assertFalse(ch.lossy());
        assertEquals(json("{'n':'42'}"), c.output());
        // and back: the canonical string form is a number again
        Conversion back = converter(obj("'n':{'type':'string'}"), obj("'n':{'type':'integer'}"))
                .convert(c.output(), target(obj("'n':{'type':'string'}"), "2020-01-01"), target(obj("'n':{'type':'integer'}"), "2021-01-01"));
        assertEquals(json("{'n':42}"), back.output());
        assertFalse(back.lossy());
    }

    @Test
    void aValueWithNoLosslessFormInTheNewTypeIsRemoved() {
        Conversion c = convert(obj("'n':{'type':'string'}"), obj("'n':{'type':'integer'}"), "{'n':'forty-two'}");
        Change ch = only(c);
        assertEquals(ChangeKind.TYPE_NOT_CONVERTIBLE, ch.kind());
        assertTrue(ch.lossy());
        assertEquals(json("{}"), c.output());
        Conversion padded = convert(obj("'n':{'type':'string'}"), obj("'n':{'type':'integer'}"), "{'n':'042'}");
        assertEquals(ChangeKind.TYPE_NOT_CONVERTIBLE, only(padded).kind(), "042 is not the form 42 is written in");
    }

    @Test
    void aSingleValueBecomesACollectionAndBack() {
        String one = obj("'t':{'type':'string'}");
        String many = obj("'t':{'type':'array','items':{'type':'string'}}");
        Conversion up = convert(one, many, "{'t':'x'}");
        assertEquals(json("{'t':['x']}"), up.output());
        assertFalse(up.lossy());
        Conversion down = convert(many, one, "{'t':['x']}");
        assertEquals(json("{'t':'x'}"), down.output());
        Conversion two = convert(many, one, "{'t':['x','y']}");
        assertEquals(ChangeKind.TYPE_NOT_CONVERTIBLE, only(two).kind());
    }

    @Test
    void nullWhereTheTargetTakesNoNullIsRemoved() {
        Conversion c = convert(obj("'s':{'type':['string','null']}"), obj("'s':{'type':'string'}"), "{'s':null}");
        assertEquals(ChangeKind.TYPE_NOT_CONVERTIBLE, only(c).kind());
    }

    @Test
    void renamesAreNotGuessed() {
        Conversion c = convert(obj("'colour':{'type':'string'}"), obj("'color':{'type':'string'}"), "{'colour':'red'}");
        assertEquals(ChangeKind.PROPERTY_NOT_IN_TARGET, only(c).kind());
        assertEquals(json("{}"), c.output());
    }

    @Test
    void whatTheWalkDoesNotInterpretIsLeftToTheValidatorAndReported() {
        // a format the target adds: the walk keeps the string, the target's validation rejects it, and it is removed
        Conversion c = convert(obj("'d':{'type':'string'}"), obj("'d':{'type':'string','format':'date-time'}"), "{'d':'soon'}");
        Change ch = only(c);
        assertEquals(ChangeKind.NOT_VALID_IN_TARGET, ch.kind());
        assertTrue(ch.message().contains("format"), ch.message());
        assertTrue(c.valid());
    }

    @Test
    void aRequiredPropertyTheSourceLacksLeavesTheOutputInvalidAndSaysWhy() {
        Conversion c = convert(obj("'a':{'type':'string'}"),
                "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},'required':['b']}", "{'a':'x'}");
        assertFalse(c.valid());
        assertEquals("required", c.remaining().get(0).rule());
    }

    @Test
    void identicalVersionsAreTheIdentity() {
        String s = obj("'a':{'type':'string'}");
        JsonNode p = json("{'a':'x'}");
        Conversion c = converter(s, s).convert(p, target(s, "2020-01-01"), target(s, "2020-01-01"));
        assertTrue(c.output() == p);
        assertEquals(List.of(), c.changes());
    }

    @Test
    void convertedBodiesAreWrittenAsJsonThatReadsBackTheSame() {
        JsonNode tricky = JSON.readTree("{\"q\\\"k\":\"a\\\\b\\n\\u0001\\t\u00e9\u2028\",\"n\":[1.5,-0,1e300,null,true],\"o\":{}}");
        for (String style : List.of("{\n  \"a\": 1\n}", "{\"a\":1}", "{\r\n\t\"a\" : 1\r\n}")) {
            String text = Json.write(tricky, Json.Style.of(style), "");
            assertEquals(tricky, JSON.readTree(text), text);
        }
        assertEquals(JSON.writeValueAsString(tricky), Json.compact(tricky));
    }

    @Test
    void aHttpFileKeepsEverythingButTheBodyAndItsContentLength() {
        String http = "# comment\r\nPOST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1\r\n\r\n{\r\n  \"token\": \"t\",\r\n"
                + "  \"roleScopeTagIds\": [\"a\"]\r\n}\r\n\r\n### second\r\nGET https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\r\n";
        FileConversion f = PayloadConverter.embedded().convertText("x.http", http, true, ConvertOptions.to("2018-12-18"));
        String expectedBody = "{\r\n  \"token\": \"t\"\r\n}";
        assertEquals("# comment\r\nPOST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + expectedBody.length() + "\r\n\r\n" + expectedBody
                + "\r\n\r\n### second\r\nGET https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\r\n", f.text());
    }

    @Test
    void theSeedRequestTo2018DropsRoleScopeTagIds() {
        PayloadConverter conv = PayloadConverter.embedded();
        FileConversion f = conv.convertFile(java.nio.file.Path.of("../samples/payloads/vppToken/2021-03-23/create-valid.http"),
                ConvertOptions.to("2018-12-18"));
        assertNull(f.problem());
        assertEquals(1, f.changes().size(), () -> f.changes().toString());
        Change ch = f.changes().get(0);
        assertEquals("/roleScopeTagIds", ch.pointer());
        assertTrue(ch.lossy());
        assertEquals("2020-06-18", f.bodies().get(0).conversion().from().versionId());
        assertEquals("2018-11-29", f.bodies().get(0).conversion().to().versionId());
        assertTrue(f.valid());
        assertFalse(f.text().contains("roleScopeTagIds"));
    }
}
