package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog folders: round trip, selectors, and one-line errors for bad input. */
class CatalogTest {
    static Catalog seeds;

    @BeforeAll
    static void build() {
        seeds = SeedPagesTest.catalog != null ? SeedPagesTest.catalog
                : CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(SeedPagesTest.SEEDS)), new java.util.ArrayList<>())).catalog();
    }

    @Test
    void writeThenLoadGivesTheSameCatalog(@TempDir Path dir) throws IOException {
        seeds.write(dir);
        Catalog back = Catalog.load(dir);
        assertEquals(seeds.toJson(), back.toJson());
        assertEquals(seeds.allVersions(), back.allVersions());
        assertEquals(seeds.operations(), back.operations());
    }

    @Test
    void selectorForms() {
        assertEquals("2019-07-31", seeds.select("vppToken", OperationKind.CREATE, " 2019-07-31 ").orElseThrow().id());
        assertEquals("2021-03-23", seeds.select("vppToken", OperationKind.CREATE, "LATEST").orElseThrow().id());
        String commit = seeds.versions("vppToken", OperationKind.CREATE).get(0).pages().get(0).sourceCommit();
        assertEquals("2018-12-18", seeds.select("vppToken", OperationKind.CREATE, commit.substring(0, 7).toUpperCase())
                .orElseThrow().id());
        assertEquals("2018-12-18", seeds.select("vppToken", OperationKind.CREATE, commit).orElseThrow().id());
        assertTrue(seeds.select("vppToken", OperationKind.CREATE, "0000000").isEmpty());
        for (String bad : List.of("", "yesterday", "2019-13-01", "abc123", "12/18/2018")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> seeds.select("vppToken", OperationKind.CREATE, bad));
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void operationKindIds() {
        assertEquals(OperationKind.UPDATE, OperationKind.fromId("Update"));
        assertEquals("resource", OperationKind.RESOURCE.id());
        assertThrows(IllegalArgumentException.class, () -> OperationKind.fromId("delete"));
    }

    @Test
    void apiVersionsAreKeptApart() {
        Catalog embedded = Catalog.embedded();
        assertEquals("beta", embedded.apiVersion());
        Catalog v1 = embedded.forApiVersion("v1.0");
        assertTrue(v1.versions("vppToken", OperationKind.CREATE).stream()
                .noneMatch(v -> v.schema().path("properties").has("roleScopeTagIds")));
        assertTrue(embedded.forApiVersion("v2").entities().isEmpty());
    }

    @Test
    void badFoldersGiveOneLineErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir.resolve("missing"))), "missing");
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "catalog.json");
        Files.writeString(dir.resolve("catalog.json"), "{not json");
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "not valid JSON");
        Files.writeString(dir.resolve("catalog.json"), "{\"format\":\"other/9\"}");
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "format");
        Files.delete(dir.resolve("catalog.json")); // not graphlint's: write() would refuse to overwrite it
        seeds.write(dir);
        Path one = dir.resolve("beta/vppToken/create/2018-12-18.schema.json");
        Files.delete(one);
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "2018-12-18.schema.json");
        Files.writeString(one, "[1,");
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "2018-12-18.schema.json");
        Files.writeString(dir.resolve("catalog.json"), Files.readString(dir.resolve("catalog.json"))
                .replaceFirst("\"file\" : \"[^\"]+\"", "\"file\" : \"../../etc/passwd\""));
        assertOneLine(assertThrows(CatalogException.class, () -> Catalog.load(dir)), "outside");
    }

    static void assertOneLine(CatalogException e, String mentions) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }
}
