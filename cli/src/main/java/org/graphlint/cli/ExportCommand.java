package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.graphlint.export.OpenApiExporter;
import org.graphlint.parser.RegularFile;
import org.graphlint.parser.Text;
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
            PrintWriter out = spec.commandLine().getOut();
            // Refused before the (long) export, and again just before writing: the file may change in between.
            String refused = output == null ? null : refusal(output);
            if (refused != null) {
                return refuse(refused);
            }
            String text = OpenApiExporter.toJson(OpenApiExporter.export(cat, version));
            if (output == null) {
                out.print(text);
                out.flush();
                return ExitCode.OK;
            }
            refused = refusal(output);
            if (refused != null) {
                return refuse(refused);
            }
            if (Files.exists(output)) {
                SafeWrite.replace(output, text);
            } else {
                try {
                    SafeWrite.create(output, text);
                } catch (FileAlreadyExistsException e) {
                    return refuse(output + " appeared while writing; not overwritten");
                }
            }
            out.println("wrote " + output + " (OpenAPI 3.1, " + cat.apiVersion() + ", " + version + ")");
            out.flush();
            return ExitCode.OK;
        }

        private int refuse(String why) {
            spec.commandLine().getErr().println("graphlint: " + why);
            return ExitCode.USAGE_OR_INPUT;
        }

        /**
         * Why {@code file} may not be written, or null when it may: it does not exist, or it is an OpenAPI document
         * graphlint wrote. Only a regular file is read (a FIFO would block the run), at most 64 MB of it.
         */
        static String refusal(Path file) {
            if (!Files.exists(file)) {
                return null;
            }
            String notOurs = file + " exists and is not an OpenAPI document graphlint wrote; not overwritten (remove it or"
                    + " pick another name)";
            try {
                byte[] old = RegularFile.read(file, 64L << 20);
                return OpenApiExporter.isOurs(new String(old, StandardCharsets.UTF_8)) ? null : notOurs;
            } catch (RegularFile.NotRegularFileException e) {
                return file + " is not a regular file (a folder, a pipe, a device); give -o a file name";
            } catch (RegularFile.TooLargeException e) {
                return notOurs;
            } catch (IOException e) {
                return file + " cannot be read (" + Text.oneLine(e) + "); not overwritten";
            }
        }
    }
}
