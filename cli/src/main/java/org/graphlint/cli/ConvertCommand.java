package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.graphlint.convert.ConversionReport;
import org.graphlint.convert.ConvertOptions;
import org.graphlint.convert.FileConversion;
import org.graphlint.convert.PayloadConverter;
import org.graphlint.parser.Text;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.Category;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint convert}: fixtures from one doc version to another, every change and every loss reported. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Convert fixtures from one doc version to another, reporting every change and loss.",
            "The conversion is derived from the two versions' schemas: what the target does not",
            "document is removed, changed types are converted where nothing is lost, and each change",
            "is reported with its JSON pointer and whether information was lost. Without -o or",
            "--in-place one fixture is printed converted (the report on stderr); several are reported."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:converted (lossy changes are reported, and fail only with --fail-on-loss)",
            "1:converted with loss and --fail-on-loss, or an output the target still rejects (not written)",
            "2:usage error, or input that could not be read or converted (not written)"})
public final class ConvertCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "SELECTOR",
            description = "The target version: an id, an ISO date (the newest version not after it), a source commit or 'latest'.")
    String to;

    @Option(names = "--from", paramLabel = "SELECTOR",
            description = "The source version (default: the newest version each body is valid against).")
    String from;

    @Option(names = "--entity", paramLabel = "NAME", description = "Force the entity (default: as validate routes).")
    String entity;

    @Option(names = "--operation", paramLabel = "create|update|resource", description = "Force the operation.")
    String operation;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "A catalog folder written by 'graphlint schemas build' (default: the embedded catalog).")
    Path catalog;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the converted fixture to FILE (one input; FILE must not exist yet).")
    Path output;

    @Option(names = "--in-place", description = "Replace each changed fixture with its conversion (atomically).")
    boolean inPlace;

    @Option(names = "--format", paramLabel = "text|json", description = "Report format (default: text).")
    Format format = Format.text;

    @Option(names = "--fail-on-loss", description = "Exit 1 when a conversion loses information.")
    boolean failOnLoss;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".json, .http or .rest fixtures, or folders of them.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && inPlace) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o and --in-place exclude each other");
        }
        OperationKind op = null;
        if (operation != null) {
            op = OperationKind.fromId(operation);
            if (op == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--operation must be create, update or resource, not '" + operation + "'");
            }
        }
        PayloadValidator validator = catalog == null ? PayloadValidator.embedded() : PayloadValidator.of(Catalog.load(catalog));
        PayloadConverter converter = PayloadConverter.of(validator);
        ConvertOptions options = new ConvertOptions(to, from, entity, op, 0);
        Catalog.Selector.parse(to);
        if (from != null) {
            Catalog.Selector.parse(from);
        }

        List<Path> files = new ArrayList<>();
        List<FileConversion> results = new ArrayList<>();
        for (Path p : paths) {
            expand(p, files, results);
        }
        if (output != null && (paths.size() != 1 || files.size() != 1 || !results.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o FILE takes exactly one fixture file");
        }
        boolean toStdout = output == null && !inPlace && paths.size() == 1 && !Files.isDirectory(paths.get(0))
                && files.size() == 1 && results.isEmpty();
        List<String> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            FileConversion c;
            try {
                // a FIFO or a device would block or never end: refused before it is opened
                c = Files.isRegularFile(f) ? converter.convertFile(f, f.toString(), options)
                        : new FileConversion(f.toString(), null, false, List.of(), input(f.toString(), Files.isDirectory(f)
                                ? "is a folder, not a fixture file" : "not a regular file (a pipe, a device...); fixtures are files"));
            } catch (RuntimeException | StackOverflowError e) {
                c = new FileConversion(f.toString(), null, false, List.of(), input(f.toString(),
                        "graphlint could not convert this fixture: " + Text.oneLine(e)));
            }
            results.add(c);
            written.add(write(f, c, notes));
        }
        while (written.size() < results.size()) {
            written.add(0, null); // listing problems come first
        }
        int exit = exitCode(results);
        if (format == Format.json) {
            out.print(ConversionReport.json(to, from, results, written, toStdout, exit));
            out.flush();
        } else {
            PrintWriter report = toStdout ? err : out;
            ConversionReport.text(report, results, written, notes, output != null || inPlace);
            report.flush();
        }
        if (toStdout && format == Format.text) {
            FileConversion c = results.get(0);
            if (c.text() != null && !c.hasProblem() && c.valid()) {
                out.print(c.text());
                out.flush();
            }
        }
        return exit;
    }

    /** Writes a conversion where it was asked to go; returns where it went, or null. */
    private String write(Path file, FileConversion c, List<String> notes) {
        if (output == null && !inPlace) {
            return null;
        }
        if (c.hasProblem() || c.text() == null) {
            notes.add(c.file() + ": not written (it could not be converted)");
            return null;
        }
        if (!c.valid()) {
            notes.add(c.file() + ": not written (the target still rejects the conversion)");
            return null;
        }
        try {
            if (inPlace || sameFile(file, output)) {
                if (!c.changed()) {
                    return null;
                }
                SafeWrite.replace(file, c.text());
                return file.toString();
            }
            SafeWrite.create(output, c.text());
            return output.toString();
        } catch (FileAlreadyExistsException e) {
            notes.add(output + ": exists; graphlint never overwrites a file it did not write (remove it, pick another name, or use --in-place)");
            failedWrite = true;
        } catch (IOException | RuntimeException e) {
            notes.add((output == null ? file : output) + ": cannot write: " + Text.oneLine(e));
            failedWrite = true;
        }
        return null;
    }

    private boolean failedWrite;

    private static boolean sameFile(Path a, Path b) {
        try {
            return b != null && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private int exitCode(List<FileConversion> results) {
        boolean problem = failedWrite;
        boolean invalid = false;
        boolean lossy = false;
        for (FileConversion c : results) {
            problem |= c.hasProblem();
            invalid |= !c.valid();
            lossy |= c.lossy();
        }
        if (problem) {
            return ExitCode.USAGE_OR_INPUT;
        }
        if (invalid || (lossy && failOnLoss)) {
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }


    // ------------------------------------------------------------------ inputs

    private static Finding input(String name, String message) {
        return new Finding(name, 0, 0, 0, null, "unreadable", Severity.ERROR, Category.INPUT, message, null);
    }

    /** A file as given, or every fixture under a folder, as validate lists them ({@link FixtureListing}). */
    private static void expand(Path p, List<Path> files, List<FileConversion> problems) {
        FixtureListing.list(p, (name, path) -> files.add(path), (name, message) -> problems.add(
                new FileConversion(name, null, false, List.of(), input(name, message))));
    }

}
