package org.graphlint.cli;

import java.util.List;
import org.graphlint.lint.CatalogDiff;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.OperationKind;
import picocli.CommandLine;

/** {@code graphlint diff --catalog A --against B}: two catalogs compared entity by entity (the comparison is the lint module's). */
final class CatalogDiffRun {
    private CatalogDiffRun() {
    }

    static int call(DiffCommand d) {
        if (d.against == null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(),
                    "give two versions or pages (A B), or two catalogs (--catalog A --against B)");
        }
        if (d.a != null || d.b != null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(), "--against compares catalogs: drop A and B");
        }
        CatalogDiff.FailOn failOn;
        try {
            failOn = CatalogDiff.FailOn.fromId(d.failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(d.spec.commandLine(), e.getMessage());
        }
        Catalog a = d.catalog.catalog == null ? Catalog.embedded() : Catalog.load(d.catalog.catalog);
        Catalog b = Catalog.load(d.against);
        if (d.catalog.apiVersion != null) {
            if (!a.apiVersions().contains(d.catalog.apiVersion) && !b.apiVersions().contains(d.catalog.apiVersion)) {
                throw new CatalogException("neither catalog has API version '" + d.catalog.apiVersion + "'");
            }
            a = only(a, d.catalog.apiVersion);
            b = only(b, d.catalog.apiVersion);
        }
        OperationKind op = d.operation == null ? null : SchemasCommand.operation(d.operation, d.spec);
        List<CatalogDiff.EntityChange> changes = CatalogDiff.compare(a, b, d.entity, op);
        String nameA = d.catalog.catalog == null ? "embedded catalog" : d.catalog.catalog.toString();
        d.spec.commandLine().getOut().print(CatalogDiff.write(d.format.name(), nameA, d.against.toString(), changes, failOn));
        d.spec.commandLine().getOut().flush();
        return CatalogDiff.exitCode(changes, failOn);
    }

    /** The catalog with only this API version (an empty one when it has none). */
    private static Catalog only(Catalog c, String api) {
        java.util.Map<String, Catalog> m = new java.util.LinkedHashMap<>();
        if (c.apiVersions().contains(api)) {
            m.put(api, c.forApiVersion(api));
        }
        return m.isEmpty() ? Catalog.of(api, List.of(), List.of(), java.util.Map.of()) : Catalog.of(m, api);
    }
}
