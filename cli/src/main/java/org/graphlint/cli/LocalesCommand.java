package org.graphlint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.graphlint.lint.LocaleMatrix;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.OperationKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint locales}: entity × locale → schema version and lag, for a dashboard page. */
@Command(name = "locales", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Print the matrix entity × locale: each locale's schema version and how far it lags.",
            "The version is the one each locale's newest page yields; the lag is measured against the newest version",
            "of any locale. Reads a catalog (--catalog, default: the embedded one), or builds one from pages",
            "(PATH... and/or --git REPO)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:usage error or unreadable input"})
public final class LocalesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SchemasCommand.CatalogOptions catalog;

    @CommandLine.Mixin
    GitSourceOptions git;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Pages or folders to build the catalog from (instead of --catalog).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--entity", paramLabel = "NAME", description = "Only this entity.")
    String entity;

    @Option(names = "--operation", paramLabel = "create|update|resource", description = "Only this operation.")
    String operation;

    @Option(names = "--format", paramLabel = "markdown|json", description = "Output format (default: markdown).")
    String format = "markdown";

    @Override
    public Integer call() {
        if (!format.equals("markdown") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be markdown or json");
        }
        Catalog c;
        List<String> errors = new ArrayList<>();
        if (paths.isEmpty() && git.repositories.isEmpty()) {
            c = catalog.open();
        } else {
            c = CatalogBuilder.build(git.inputs(paths, errors, spec)).catalog();
        }
        if (catalog.apiVersion != null) {
            c = c.forApiVersion(catalog.apiVersion);
        }
        OperationKind op = operation == null ? null : SchemasCommand.operation(operation, spec);
        LocaleMatrix.Matrix m = LocaleMatrix.of(c, entity, op);
        if (catalog.apiVersion != null) {
            String api = catalog.apiVersion;
            m = new LocaleMatrix.Matrix(m.locales(), m.rows().stream().filter(r -> r.apiVersion().equals(api)).toList());
        }
        spec.commandLine().getOut().print(format.equals("json") ? LocaleMatrix.json(m) : LocaleMatrix.markdown(m));
        spec.commandLine().getOut().flush();
        errors.forEach(e -> spec.commandLine().getErr().println("graphlint: " + e));
        return errors.isEmpty() ? ExitCode.OK : ExitCode.USAGE_OR_INPUT;
    }
}
