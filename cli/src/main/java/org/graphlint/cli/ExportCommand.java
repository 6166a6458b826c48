package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.graphlint.export.OpenApiExporter;
import org.graphlint.schema.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint export openapi}: a doc version out to the OpenAPI world. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = "Write a doc version in another format.",
        subcommands = {ExportCommand.OpenApi.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error, no such version, or the output file exists and is not graphlint's"})
public final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing format: try 'graphlint export openapi --help'");
    }

    @Command(name = "openapi", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
            description = {"Write an OpenAPI 3.1 document of a doc version.",
                "Every documented operation (method, path template, path parameters, request body",
                "referencing its schema) and the schemas under components/schemas."})
    static final class OpenApi implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        SchemasCommand.CatalogOptions catalog;

        @Option(names = {"--doc-version", "--at"}, paramLabel = "SELECTOR", defaultValue = "latest",
                description = "The doc version: an id, an ISO date, a source commit or 'latest' (default).")
        String version;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to FILE (default: standard output). An existing FILE is replaced only when graphlint wrote it.")
        Path output;

        @Override
        public Integer call() throws IOException {
            Catalog cat = catalog.open();
            Catalog.Selector.parse(version);
            String text = OpenApiExporter.toJson(OpenApiExporter.export(cat, version));
            PrintWriter out = spec.commandLine().getOut();
            if (output == null) {
                out.print(text);
                out.flush();
                return ExitCode.OK;
            }
            if (Files.exists(output)) {
                String old;
                try {
                    old = Files.size(output) > (64L << 20) ? "" : Files.readString(output);
                } catch (IOException | RuntimeException e) {
                    old = "";
                }
                if (!OpenApiExporter.isOurs(old)) {
                    spec.commandLine().getErr().println("graphlint: " + output
                            + " exists and is not an OpenAPI document graphlint wrote; not overwritten (remove it or pick another name)");
                    return ExitCode.USAGE_OR_INPUT;
                }
                SafeWrite.replace(output, text);
            } else {
                try {
                    SafeWrite.create(output, text);
                } catch (FileAlreadyExistsException e) {
                    spec.commandLine().getErr().println("graphlint: " + output + " appeared while writing; not overwritten");
                    return ExitCode.USAGE_OR_INPUT;
                }
            }
            out.println("wrote " + output + " (OpenAPI 3.1, " + cat.apiVersion() + ", " + version + ")");
            out.flush();
            return ExitCode.OK;
        }
    }
}
