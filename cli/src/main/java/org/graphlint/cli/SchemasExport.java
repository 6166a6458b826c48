package org.graphlint.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphlint schemas export --out DIR}: the embedded catalog (or {@code --catalog DIR}) as one JSON Schema file per
 * API version, entity, operation and schema version plus {@code catalog.json}, the layout {@code schemas build --out}
 * writes, for editors and other tools. Filters as for {@code schemas list}. Writes only into an empty or absent folder,
 * or one holding an earlier export (its {@code catalog.json}), so that nothing graphlint did not write is overwritten.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Write the catalog's schemas to a folder, for editors and other tools.",
            "One file per API version, entity, operation and version, plus catalog.json (the layout of",
            "'schemas build --out')."})
final class SchemasExport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SchemasCommand.CatalogOptions catalog;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into (empty, absent, or an earlier export).")
    Path out;

    @Option(names = "--entity", paramLabel = "NAME", description = "Only this entity.")
    String entity;

    @Option(names = "--operation", paramLabel = "create|update|resource|action", description = "Only this operation.")
    String operation;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CatalogException(out + ": exists and is not a folder");
        }
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve("catalog.json"))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new CatalogException(out + ": the folder is not empty and holds no earlier export (catalog.json);"
                            + " give an empty or new folder");
                }
            }
        }
        Catalog whole = catalog.open();
        List<Catalog> apis = catalog.apiVersion != null ? List.of(whole) : new ArrayList<>(whole.byApiVersion().values());
        OperationKind op = operation == null ? null : SchemasCommand.operation(operation, spec);
        Map<String, Catalog> byApi = new LinkedHashMap<>();
        int n = 0;
        for (Catalog c : apis) {
            if (entity != null && !c.entities().contains(entity)) {
                continue;
            }
            List<SchemaVersion> vs = new ArrayList<>();
            for (String e : entity != null ? List.of(entity) : c.entities()) {
                for (OperationKind k : c.operationKinds(e)) {
                    if (op == null || op == k) {
                        vs.addAll(c.versions(e, k));
                    }
                }
            }
            List<DocumentedOperation> ops = c.operations().stream()
                    .filter(d -> (entity == null || d.entity().equals(entity)) && (op == null || d.operation() == op)).toList();
            byApi.put(c.apiVersion(), Catalog.of(c.apiVersion(), vs, ops, c.odataTypes()));
            n += vs.size();
        }
        if (byApi.isEmpty()) {
            throw new CatalogException("no entity '" + entity + "' in the catalog");
        }
        org.graphlint.schema.CatalogWriter.check(out, false);
        Catalog exported = Catalog.of(byApi, Catalog.DEFAULT_API_VERSION);
        // replaced whole, removing only what an earlier export listed; with its pack, so that --catalog DIR reads it fast
        org.graphlint.schema.CatalogWriter.replace(exported, out, false, true);
        o.printf("%,d schema versions (%s) -> %s%n", n, String.join(", ", byApi.keySet()), out);
        return ExitCode.OK;
    }
}
