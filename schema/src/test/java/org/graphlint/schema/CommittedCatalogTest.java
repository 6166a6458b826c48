package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog committed under schema/catalog/ must equal a fresh build of samples/pages (which is also what the jar
 * embeds); {@code schema/update-catalog.sh} refreshes it.
 */
class CommittedCatalogTest {
    static final Path COMMITTED = Path.of("catalog");

    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return out;
    }

    @Test
    void committedCatalogEqualsAFreshBuild(@TempDir Path tmp) throws IOException {
        Path fresh = tmp.resolve("catalog");
        List<String> errors = new ArrayList<>();
        CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(Path.of("..", "samples", "pages"))), errors))
                .catalog().write(fresh);
        assertEquals(List.of(), errors);
        Map<String, String> want = files(fresh);
        Map<String, String> have = files(COMMITTED);
        assertEquals(want.keySet(), have.keySet(), "schema/catalog/ is stale: run schema/update-catalog.sh");
        for (String f : want.keySet()) {
            assertEquals(want.get(f), have.get(f), "schema/catalog/" + f + " is stale: run schema/update-catalog.sh");
        }
    }

    @Test
    void embeddedCatalogIsOnTheClasspathAndMatchesTheCommittedOne() {
        // the samples/pages build (target/samples-catalog) is the committed copy; the jar embeds the all-Graph catalog, whose
        // vppToken versions are the same ones (GraphCatalogStalenessTest checks the rest of it)
        Catalog samples = Catalog.load(Path.of("target/samples-catalog"));
        Catalog committed = Catalog.load(COMMITTED);
        assertEquals(committed.toJson(), samples.toJson());
        Catalog all = Catalog.embedded();
        for (String api : committed.apiVersions()) {
            for (OperationKind op : committed.forApiVersion(api).operationKinds("vppToken")) {
                assertEquals(committed.forApiVersion(api).versions("vppToken", op).stream().map(SchemaVersion::id).toList(),
                        all.forApiVersion(api).versions("vppToken", op).stream().map(SchemaVersion::id).toList(), api + " " + op);
            }
        }
        Catalog embedded = samples;
        assertTrue(embedded.entities().contains("vppToken"));
        assertEquals(Catalog.DEFAULT_API_VERSION, embedded.apiVersion());
        assertTrue(embedded.apiVersions().contains("v1.0"));
        assertFalse(embedded.versions("vppToken", OperationKind.CREATE).isEmpty());
        for (Catalog c : embedded.byApiVersion().values()) {
            for (SchemaVersion v : c.allVersions()) {
                assertEquals(List.of(), Schemas.checkAgainstMetaSchema(v.schema()), v.entity() + " " + v.id());
            }
        }
    }

    @Test
    void embeddedTemplatesAreAllPaths() {
        // the docs' "** Entity URI for … not found" placeholders (nine beta Intune pages) are no template to route to or
        // to offer as "did you mean"
        Catalog all = Catalog.embedded();
        for (String api : all.apiVersions()) {
            List<String> odd = all.forApiVersion(api).operations().stream().map(DocumentedOperation::pathTemplate)
                    .filter(t -> !t.startsWith("/") || t.contains("**")).toList();
            assertEquals(List.of(), odd, api);
            assertTrue(all.forApiVersion(api).operations().size() > 1000, api);
        }
    }

    @Test
    void embeddedHistoryDatesDuplicateLocationId() {
        Catalog c = Catalog.embedded();
        SchemaVersion before = c.select("vppToken", OperationKind.CREATE, "2020-04-14").orElseThrow();
        SchemaVersion after = c.select("vppToken", OperationKind.CREATE, "latest").orElseThrow();
        assertFalse(before.schema().path("properties").path("state").toString().contains("duplicateLocationId"));
        assertTrue(after.schema().path("properties").path("state").toString().contains("duplicateLocationId"));
        assertTrue(after.changes().stream().anyMatch(ch -> ch.kind().equals("enum-value-added")
                && ch.detail().contains("duplicateLocationId")));
    }
}
