package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.graphlint.schema.OperationKind;
import org.junit.jupiter.api.Test;

/** Issue 15: findings, caches and reading limits that scale (items 4, 6, 7). */
class ReliabilityTest {

    /** A vppToken update body whose array holds {@code n} items, each with a bad enum value and an unknown key. */
    static String manyBadItems(int n) {
        StringBuilder sb = new StringBuilder("{\"tokenActionResults\": [\n");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"actionState\": \"stuck\", \"actionNam\": \"x\"}");
        }
        return sb.append("\n]}\n").toString();
    }

    /** Item 4: every finding was listed (and checked against every other version's errors one by one). */
    @Test
    void findingsAreCappedPerBodyWithACountOfTheRest() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.UPDATE, "latest");
        FileReport r = v.validate(t, manyBadItems(3000));
        List<Finding> fs = r.findings();
        assertEquals(PayloadValidator.MAX_FINDINGS + 1, fs.size());
        Finding last = fs.get(fs.size() - 1);
        assertEquals("findings-capped", last.rule());
        assertTrue(last.message().contains("and 5,000 more errors not listed"), last.message());
        assertEquals(Severity.ERROR, last.severity());
        // The listed ones are the first in the file, with positions.
        assertEquals(2, fs.get(0).line());
        assertTrue(fs.subList(0, PayloadValidator.MAX_FINDINGS).stream().allMatch(f -> f.line() > 0));
    }

    @Test
    void aBodyUnderTheCapListsEveryFindingAndItsCrossVersionNotes() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.UPDATE, "latest");
        FileReport r = v.validate(t, manyBadItems(10));
        assertEquals(20, r.findings().size());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals("findings-capped")));
        Target old = v.target("vppToken", OperationKind.CREATE, "2020-04-14");
        FileReport n = v.validate(old, "{\"state\": \"duplicateLocationId\", \"roleScopeTagIdz\": []}");
        assertTrue(n.findings().stream().anyMatch(f -> f.message().contains("is valid from version 2020-06-18")),
                n.findings().toString());
    }

    /**
     * Item 4: networknt's errors are kept only up to a bound and counted beyond it; a million errors were a million
     * {@code Error}s held per schema version the body was run against (16 MB took 86 s).
     */
    @Test
    void networkntErrorsAreKeptUpToABoundAndCountedBeyond() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.UPDATE, "latest");
        tools.jackson.databind.JsonNode body = SourceText.parse(manyBadItems(100)).node();
        ErrorSink sink = new ErrorSink(10, null);
        v.schema(t).validate(body, (com.networknt.schema.ExecutionContextCustomizer) (ctx, sc) -> ctx.setErrors(sink));
        assertEquals(200, sink.size());
        assertEquals(10, sink.kept().size());
        assertTrue(FindingExplainer.pointer(sink.kept().get(0).getInstanceLocation()).startsWith("/tokenActionResults/0"));
        // With wanted keys, nothing but those keys is kept.
        String unknown0 = ErrorSink.key(sink.kept().stream()
                .filter(e -> "additionalProperties".equals(e.getKeyword())).findFirst().orElseThrow());
        ErrorSink keys = new ErrorSink(0, java.util.Set.of(unknown0, "enum\u0000/nowhere"));
        v.schema(t).validate(body, (com.networknt.schema.ExecutionContextCustomizer) (ctx, sc) -> ctx.setErrors(keys));
        assertEquals(200, keys.size());
        assertEquals(java.util.Set.of(unknown0), keys.keys());
        assertTrue(keys.kept().isEmpty());
    }

    /**
     * Item 4: a capped body is run against the other versions only as far as its listed errors reach (arrays cut
     * after the last item holding one); the body itself is left alone.
     */
    @Test
    void otherVersionsSeeOnlyThePrefixHoldingTheListedErrors() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target t = v.target("vppToken", OperationKind.UPDATE, "latest");
        tools.jackson.databind.JsonNode body = SourceText.parse(
                "{\"a\": [1, 2, 3], \"tokenActionResults\": " + manyBadItems(50).substring(23, manyBadItems(50).length() - 2)
                + "}").node();
        java.util.List<com.networknt.schema.Error> first = new java.util.ArrayList<>();
        ErrorSink sink = new ErrorSink(7, null);
        v.schema(t).validate(body, (com.networknt.schema.ExecutionContextCustomizer) (ctx, sc) -> ctx.setErrors(sink));
        first.addAll(sink.kept());
        int lastItem = first.stream().mapToInt(e -> {
            String p = FindingExplainer.pointer(e.getInstanceLocation());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/tokenActionResults/(\\d+)").matcher(p);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }).max().orElseThrow();
        tools.jackson.databind.JsonNode cut = OtherVersions.prefix(body, first);
        assertEquals(lastItem + 1, cut.get("tokenActionResults").size());
        assertEquals(body.get("tokenActionResults").get(lastItem), cut.get("tokenActionResults").get(lastItem));
        assertEquals(3, cut.get("a").size(), "an array no listed error is in is kept whole");
        assertEquals(50, body.get("tokenActionResults").size(), "the body itself is not cut");
    }

    /** Item 4: the cross-version notes of a capped body's listed findings are those the same items get uncapped. */
    @Test
    void aCappedBodyKeepsItsCrossVersionNotes() {
        PayloadValidator v = TestSupport.EMBEDDED;
        Target old = v.target("vppToken", OperationKind.CREATE, "2020-04-14");
        StringBuilder big = new StringBuilder("{\"state\": \"duplicateLocationId\", \"roleScopeTagIds\": [");
        for (int i = 0; i < 5000; i++) { // 5,000 type errors: more than networknt's errors kept
            big.append(i == 0 ? "" : ", ").append(i);
        }
        FileReport r = v.validate(old, big.append("]}").toString());
        assertEquals("findings-capped", r.findings().get(r.findings().size() - 1).rule(), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("is valid from version 2020-06-18")),
                r.findings().subList(0, 3).toString());
    }

    /** Item 7: failed look-ups were cached under the caller's strings (5,000 unknown 100 KB names held 1 GB). */
    @Test
    void theTargetCacheKeepsNoFailedLookUpsAndIsBounded() {
        PayloadValidator v = PayloadValidator.of(TestSupport.EMBEDDED.catalog());
        String big = "x".repeat(100_000);
        for (int i = 0; i < 200; i++) {
            String name = big + i;
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> v.target(name, OperationKind.CREATE, "latest"));
        }
        assertEquals(0, v.cachedTargets());
        for (int i = 0; i < 3000; i++) {
            v.target("vppToken", OperationKind.CREATE, java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString());
        }
        assertTrue(v.cachedTargets() <= TargetResolver.MAX_CACHED_TARGETS, "cached: " + v.cachedTargets());
        assertEquals("2020-06-18", v.target("vppToken", OperationKind.CREATE, "2021-01-01").versionId());
    }

    /** Item 10: a schema whose $defs loop was blamed on a one-level body ("the body nests too deeply"). */
    @Test
    void aLoopingSchemaIsBlamedNotTheBody() {
        tools.jackson.databind.JsonNode schema = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"$ref\": \"#/$defs/loop\", \"$defs\": {\"loop\": {\"$ref\": \"#/$defs/loop\"}}}");
        org.graphlint.schema.Catalog c = org.graphlint.schema.Catalog.of("beta", List.of(new org.graphlint.schema.SchemaVersion(
                "loopy", OperationKind.CREATE, "2020-01-01", schema, List.of(), List.of())), List.of(), java.util.Map.of());
        PayloadValidator v = PayloadValidator.of(c);
        FileReport r = v.validate(v.target("loopy", OperationKind.CREATE, "latest"), "{\"a\": 1}");
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertTrue(f.message().contains("beta/loopy/create/2020-01-01.schema.json is at fault, not the body"), f.message());
    }

    /** Item 14: a UTF-32 file was called UTF-16; 1e999999 was "found unknown Infinity". */
    @Test
    void utf32AndHugeNumbersAreNamed() {
        FileReport r = PayloadValidator.embedded().validateText("x.json", "x", false, null, ValidateOptions.defaults());
        assertTrue(r.findings().size() == 1);
        SourceText.Decoded d = SourceText.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0, 0});
        assertTrue(d.problem().message().contains("UTF-32"), d.problem().message());
        Target t = PayloadValidator.embedded().target("vppToken", OperationKind.CREATE, "latest");
        FileReport big = PayloadValidator.embedded().validate(t, "{\"displayName\": 1e999999}");
        assertEquals(1, big.findings().size(), big.findings().toString());
        assertTrue(big.findings().get(0).message().contains("a number too large"), big.findings().get(0).message());
        assertTrue(!big.findings().get(0).message().contains("unknown"), big.findings().get(0).message());
    }

    /** Item 11: a remote $ref or an invalid pattern printed a bare Java exception and named no schema file. */
    @Test
    void catalogFaultsNameTheSchemaFile() {
        for (String[] c : new String[][] {
                {"{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"http://localhost:1/x.json\"}}}", "does not fetch"},
                {"{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"([a-\"}}}", "invalid pattern"}}) {
            tools.jackson.databind.JsonNode schema = tools.jackson.databind.json.JsonMapper.builder().build().readTree(c[0]);
            org.graphlint.schema.Catalog cat = org.graphlint.schema.Catalog.of("beta", List.of(new org.graphlint.schema.SchemaVersion(
                    "bad", OperationKind.CREATE, "2020-01-01", schema, List.of(), List.of())), List.of(), java.util.Map.of());
            PayloadValidator v = PayloadValidator.of(cat);
            FileReport r = v.validate(v.target("bad", OperationKind.CREATE, "latest"), "{\"a\": \"b\"}");
            assertEquals(1, r.findings().size(), r.findings().toString());
            Finding f = r.findings().get(0);
            assertEquals("schema-fault", f.rule());
            assertTrue(f.message().contains("beta/bad/create/2020-01-01.schema.json") && f.message().contains(c[1]),
                    f.message());
            assertEquals(1, f.message().lines().count());
        }
    }
}
