package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog folder written with its pack ({@code schemas build --out}, {@code schemas export}) is read through the pack,
 * lazily, as the embedded catalog is; anything that makes the pack another catalog's falls back to the JSON files.
 */
class PackedFolderTest {

    static final Catalog COMMITTED = Catalog.load(Path.of("catalog"));

    private static Path written(Path tmp) {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(COMMITTED, out, false, true);
        return out;
    }

    @Test
    void theFolderIsReadThroughItsPackAndEqualsTheJson(@TempDir Path tmp) throws Exception {
        Path out = written(tmp);
        assertTrue(Files.isRegularFile(out.resolve(PackedCatalog.INDEX)));
        assertTrue(Files.readString(out.resolve("catalog.json")).indexOf("\"packed\"")
                < Files.readString(out.resolve("catalog.json")).indexOf("\"apiVersions\""));
        Catalog packed = PackedCatalog.readIfCurrent(out);
        assertNotNull(packed);
        assertEquals(COMMITTED.toJson(), packed.toJson());
        for (String api : COMMITTED.apiVersions()) {
            for (SchemaVersion v : COMMITTED.forApiVersion(api).allVersions()) {
                assertEquals(v.schema(), packed.forApiVersion(api).select(v.entity(), v.operation(), v.id()).orElseThrow().schema());
            }
        }
        assertEquals(COMMITTED.toJson(), Catalog.load(out).toJson());
    }

    @Test
    void aSchemaFileEditedAfterTheBuildIsReadFromTheFile(@TempDir Path tmp) throws Exception {
        Path out = written(tmp);
        SchemaVersion v = COMMITTED.versions("vppToken", OperationKind.CREATE).get(0);
        Path f = out.resolve(Catalog.schemaFile(COMMITTED.apiVersion(), v));
        Files.writeString(f, "{\"type\":\"object\",\"title\":\"edited by hand\"}\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(out.resolve("catalog.json")).toMillis() + 5000));
        Catalog c = Catalog.load(out);
        assertEquals("edited by hand", c.select("vppToken", OperationKind.CREATE, v.id()).orElseThrow().schema()
                .path("title").asString());
    }

    @Test
    void aPackThatIsNotTheOneCatalogJsonNamesIsIgnored(@TempDir Path tmp) throws Exception {
        Path out = written(tmp);
        // another catalog's pack put in its place: the digest catalog.json names no longer matches
        Catalog one = Catalog.of("beta", COMMITTED.versions("vppToken", OperationKind.CREATE), java.util.List.of(), java.util.Map.of());
        PackedCatalog.write(PackedCatalog.pack(one, null), out);
        assertNull(PackedCatalog.readIfCurrent(out));
        assertEquals(COMMITTED.toJson(), Catalog.load(out).toJson()); // read from the JSON files
        // a catalog.json that names no pack (an older graphlint, or written without one)
        Path plain = tmp.resolve("plain");
        COMMITTED.write(plain);
        assertFalse(Files.exists(plain.resolve(PackedCatalog.PACK)));
        assertNull(PackedCatalog.readIfCurrent(plain));
    }

    @Test
    void aRebuildReplacesThePackAndOneWithoutItRemovesIt(@TempDir Path tmp) throws Exception {
        Path out = written(tmp);
        CatalogWriter.replace(COMMITTED, out, false, true); // the pack is graphlint's: no refusal, replaced
        assertNotNull(PackedCatalog.readIfCurrent(out));
        CatalogWriter.replace(COMMITTED, out, false, false);
        assertFalse(Files.exists(out.resolve(PackedCatalog.PACK)));
        assertFalse(Files.exists(out.resolve(PackedCatalog.INDEX)));
        assertEquals(COMMITTED.toJson(), Catalog.load(out).toJson());
    }
}
