package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every property row of the five seed pages, pinned. */
class SeedPagesTest {
    static final String RU_CREATE = "000_a50ef260b08e607c.md";
    static final String PT_CREATE = "001_df977c7fe14f72a9.md";
    static final String ES_CREATE = "002_3bffb3abb27b59ec.md";
    static final String RU_UPDATE = "003_81aee09778ce15b0.md";
    static final String JA_CREATE = "004_ad92e49060364116.md";

    /** The 2019+ create/update property list, in page order, with English type and collection flag. */
    static final List<String> ROWS_2019 = List.of(
            "id String", "organizationName String", "vppTokenAccountType vppTokenAccountType", "appleId String",
            "expirationDateTime DateTimeOffset", "lastSyncDateTime DateTimeOffset", "token String",
            "lastModifiedDateTime DateTimeOffset", "state vppTokenState", "tokenActionResults vppTokenActionResult[]",
            "lastSyncStatus vppTokenSyncStatus", "automaticallyUpdateApps Boolean", "countryOrRegion String",
            "dataSharingConsentGranted Boolean", "displayName String", "locationName String",
            "claimTokenManagementFromExternalMdm Boolean", "roleScopeTagIds String[]");

    static PageModel page(String name) {
        return PageParser.parse(Samples.seed(name));
    }

    static List<String> rows(PageModel p) {
        return p.properties().stream().map(r -> r.name() + " " + r.type() + (r.collection() ? "[]" : "")).toList();
    }

    @Test
    void spanishDecember2018CreatePageHasSeventeenPropertiesAndNoRoleScopeTags() {
        PageModel p = page(ES_CREATE);
        assertEquals(PageFormat.SXS, p.format());
        assertEquals("es-ES", p.locale());
        assertEquals(LocalDate.of(2018, 12, 18), p.lastHandoff());
        assertEquals(ROWS_2019.subList(0, 17), rows(p));
        assertTrue(p.properties().stream().allMatch(r -> r.nameSource() == NameSource.SXS));
        assertEquals("estado", byName(p).get("state").localizedName());
    }

    @Test
    void portuguese2021CreatePageHasEighteenPropertiesAndTheUnionOfStateValues() {
        PageModel p = page(PT_CREATE);
        assertEquals(ROWS_2019, rows(p));
        PropertyRow state = byName(p).get("state");
        assertEquals(List.of("unknown", "valid", "expired", "invalid", "assignedToExternalMDM", "duplicateLocationId"), state.enumValues());
        assertEquals("../resources/intune-onboarding-vpptokenstate.md", state.typeLink());
        Diagnostic d = only(p, "enum-lists-disagree");
        assertEquals(state.line(), d.line());
        assertTrue(d.message().contains("duplicateLocationId"), d.message());
    }

    @Test
    void russianPagesTakeNamesFromTheEnglishSpanNotTheTranslatedText() {
        for (String seed : List.of(RU_CREATE, RU_UPDATE)) {
            PageModel p = page(seed);
            Map<String, PropertyRow> rows = byName(p);
            assertEquals(ROWS_2019, rows(p), seed);
            assertEquals("токен", rows.get("token").localizedName());
            assertEquals("состояние", rows.get("state").localizedName());
            assertEquals("токенактионресултс", rows.get("tokenActionResults").localizedName());
            assertEquals("локатионнаме", rows.get("locationName").localizedName());
            assertEquals("клаимтокенманажементфромекстерналмдм", rows.get("claimTokenManagementFromExternalMdm").localizedName());
            assertEquals(List.of("unknown", "valid", "expired", "invalid", "assignedToExternalMDM"), rows.get("state").enumValues());
            assertEquals(List.of("none", "inProgress", "completed", "failed"), rows.get("lastSyncStatus").enumValues());
            assertEquals(List.of("business", "education"), rows.get("vppTokenAccountType").enumValues());
        }
    }

    @Test
    void japanese2019CreatePage() {
        PageModel p = page(JA_CREATE);
        assertEquals("ja-JP", p.locale());
        assertEquals(LocalDate.of(2019, 7, 31), p.lastHandoff());
        assertEquals(ROWS_2019, rows(p));
    }

    @Test
    void frontMatterOperationPermissionsAndTitle() {
        PageModel p = page(RU_CREATE);
        assertEquals("e8a0052e927410feb098d45fafc82c013c38c5de", p.openLocFileHash());
        assertEquals("bbcf074f0be9d5e02f84c290122850cc5968fb1f", p.sourceCommit());
        assertEquals("43362986", p.frontMatter().get("ms.locfileid"));
        assertEquals(LocalDate.of(2020, 4, 14), p.lastHandoff());
        assertEquals(PageKind.METHOD, p.kind());
        assertEquals(new Operation("POST", "/deviceAppManagement/vppTokens"), p.operation());
        assertEquals(new Title("Create vppToken", "Создать VPP токен"), p.title());
        assertEquals(List.of("Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"),
                p.permissions().stream().map(Permission::type).toList());
        assertEquals(List.of("DeviceManagementServiceConfig.ReadWrite.All"), p.permissions().get(0).permissions());
        assertTrue(p.properties().stream().allMatch(r -> r.section().equals("Request body")));

        PageModel update = page(RU_UPDATE);
        assertEquals("PATCH", update.operation().method());
        assertEquals("/deviceAppManagement/vppTokens/{vppTokenId}", update.operation().path());
    }

    @Test
    void examplesAreParsedAndTheirWrongContentLengthIsReported() {
        for (String seed : List.of(RU_CREATE, PT_CREATE, ES_CREATE, RU_UPDATE, JA_CREATE)) {
            PageModel p = page(seed);
            Example req = p.examples().stream().filter(e -> e.kind() == Example.Kind.REQUEST).findFirst().orElseThrow();
            Example res = p.examples().stream().filter(e -> e.kind() == Example.Kind.RESPONSE).findFirst().orElseThrow();
            assertEquals(p.operation().method(), req.method(), seed);
            assertTrue(req.url().startsWith("https://graph.microsoft.com/beta/deviceAppManagement/vppTokens"), req.url());
            assertNotNull(req.body(), seed);
            assertEquals("#microsoft.graph.vppToken", req.body().get("@odata.type").asString());
            assertEquals("application/json", req.header("content-type").orElseThrow());
            assertTrue(res.status() == 200 || res.status() == 201, seed);
            long mismatches = p.diagnostics().stream().filter(d -> d.code().equals("content-length-mismatch")).count();
            assertEquals(2, mismatches, seed + " " + p.diagnostics());
            // the declared length is the original CRLF length; graphlint counts the body as published
            int declared = Integer.parseInt(req.header("Content-length").orElseThrow());
            assertFalse(declared == req.bodyText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        Example ru = page(RU_CREATE).examples().get(0);
        assertTrue(ru.body().has("roleScopeTagIds"));
        assertFalse(page(ES_CREATE).examples().get(0).body().has("roleScopeTagIds"));
    }

    static Map<String, PropertyRow> byName(PageModel p) {
        return p.properties().stream().collect(Collectors.toMap(PropertyRow::name, r -> r));
    }

    static Diagnostic only(PageModel p, String code) {
        List<Diagnostic> ds = p.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, ds.size(), p.diagnostics().toString());
        return ds.get(0);
    }
}
