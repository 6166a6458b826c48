package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The all-Graph catalog committed under {@code schema/src/main/resources/org/graphlint/catalog/} (what the jar embeds)
 * is intact, and equal to a rebuild from its inputs. The rebuild needs {@code ../shared} (CI has it); without it only
 * the integrity half runs and the test says why the rest was skipped.
 */
class GraphCatalogStalenessTest {

    static final String COMMAND = "scripts/build-graph-catalog.sh";
    static final Path COMMITTED = Path.of("src/main/resources", Catalog.EMBEDDED_RESOURCE);

    private static byte[] committed(String name) throws Exception {
        Path f = COMMITTED.resolve(name);
        assertNotNull(Files.exists(f) ? f : null, f + " is missing: run " + COMMAND);
        return Files.readAllBytes(f);
    }

    @Test
    void theCommittedPackIsTheOneItsIndexDescribes() throws Exception {
        byte[] index = committed(PackedCatalog.INDEX);
        String declared = PackedCatalog.header(PackedCatalog.indexText(index, "committed"), "content-sha256");
        assertEquals(declared, PackedCatalog.contentDigest(index, committed(PackedCatalog.PACK)),
                "the committed graph.pack does not match graph.index.gz: run " + COMMAND + " and commit both");
    }

    @Test
    void theCommittedCatalogIsARebuildOfItsInputs() throws Exception {
        Path shared = Path.of(System.getProperty("graphlint.shared", "../../shared"));
        List<Path> inputs = BuildGraphCatalog.defaultInputs(Path.of(".."), shared);
        Assumptions.assumeTrue(inputs.stream().allMatch(Files::exists), "skipped: " + shared.toAbsolutePath().normalize()
                + " (../shared beside the clone) is absent, so the committed all-Graph catalog cannot be compared with a"
                + " rebuild here; CI has it");
        String text = PackedCatalog.indexText(committed(PackedCatalog.INDEX), "committed");
        List<String> errors = new ArrayList<>();
        PackedCatalog.Packed fresh = BuildGraphCatalog.packed(inputs, errors);
        String inputsNote = fresh.inputsDigest().equals(PackedCatalog.header(text, "inputs-sha256"))
                ? "the pages are the same, so the builder's output changed" : "the input pages changed";
        assertEquals(PackedCatalog.header(text, "content-sha256"), fresh.contentDigest(),
                "the committed all-Graph catalog is stale (" + inputsNote + "): run " + COMMAND
                        + " and commit schema/src/main/resources/org/graphlint/catalog/");
    }
}
