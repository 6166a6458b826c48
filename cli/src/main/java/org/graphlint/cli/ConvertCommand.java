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
import org.graphlint.convert.BodyConversion;
import org.graphlint.convert.Change;
import org.graphlint.convert.Conversion;
import org.graphlint.convert.ConvertOptions;
import org.graphlint.convert.FileConversion;
import org.graphlint.convert.PayloadConverter;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    static final JsonMapper JSON = JsonMapper.builder().build();

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
                        "graphlint could not convert this fixture: " + GraphlintCommand.oneLine(e)));
            }
            results.add(c);
            written.add(write(f, c, notes));
        }
        while (written.size() < results.size()) {
            written.add(0, null); // listing problems come first
        }
        int exit = exitCode(results);
        if (format == Format.json) {
            out.print(json(results, written, toStdout, exit));
            out.flush();
        } else {
            PrintWriter report = toStdout ? err : out;
            text(report, results, written, notes);
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
            notes.add((output == null ? file : output) + ": cannot write: " + GraphlintCommand.oneLine(e));
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

    // ------------------------------------------------------------------ text

    private void text(PrintWriter w, List<FileConversion> results, List<String> written, List<String> notes) {
        int changes = 0;
        int lost = 0;
        int changedFiles = 0;
        for (int i = 0; i < results.size(); i++) {
            FileConversion c = results.get(i);
            if (c.problem() != null) {
                w.println(c.file() + "  " + where(c.problem()) + "error  " + c.problem().rule() + "  " + c.problem().message());
                continue;
            }
            if (c.changed()) {
                changedFiles++;
            }
            for (BodyConversion b : c.bodies()) {
                String req = c.bodies().size() > 1 ? " request " + b.request() : "";
                if (b.problem() != null) {
                    w.println(c.file() + req + "  " + where(b.problem()) + "error  " + b.problem().rule() + "  " + b.problem().message());
                    continue;
                }
                Conversion v = b.conversion();
                w.println(c.file() + req + "  (" + v.from().entity() + " " + v.from().operation().id() + " "
                        + v.from().versionId() + " -> " + v.to().versionId()
                        + (v.to().selector() != null && !v.to().selector().equals(v.to().versionId()) ? ", selected by " + v.to().selector() : "")
                        + ")" + (v.changes().isEmpty() ? "  no change" : ""));
                if (!b.sourceFindings().isEmpty()) {
                    w.println("  warning  the body is not valid against --from " + v.from().versionId() + " ("
                            + b.sourceFindings().size() + " error" + (b.sourceFindings().size() == 1 ? "" : "s") + ", first: "
                            + pointerText(b.sourceFindings().get(0)) + b.sourceFindings().get(0).message() + "); converted anyway");
                }
                for (Change ch : v.changes()) {
                    changes++;
                    if (ch.lossy()) {
                        lost++;
                    }
                    w.println("  " + (ch.pointer().isEmpty() ? "(body)" : ch.pointer()) + "  " + ch.outcome().id()
                            + (ch.lossy() ? " (lost)" : "") + "  " + ch.kind().id() + "  " + ch.message()
                            + (ch.newValue() == null ? "; was " + ch.oldValue() : "; " + ch.oldValue() + " -> " + ch.newValue()));
                }
                for (Finding f : v.remaining()) {
                    w.println("  error  " + f.rule() + "  " + pointerText(f) + f.message() + " (the target still rejects the output)");
                }
            }
            if (written.get(i) != null) {
                w.println("  written to " + written.get(i));
            }
        }
        notes.forEach(n -> w.println(n));
        String where = output != null || inPlace ? "" : results.size() > 1 ? "; nothing written (-o FILE or --in-place to write)" : "";
        w.println(results.size() + " fixture" + (results.size() == 1 ? "" : "s") + ": " + changedFiles + " changed, "
                + changes + " change" + (changes == 1 ? "" : "s") + ", " + lost + " lossy" + where);
    }

    private static String where(Finding f) {
        return f.line() > 0 ? f.line() + ":" + f.column() + "  " : "";
    }

    private static String pointerText(Finding f) {
        return f.pointer() == null || f.pointer().isEmpty() ? "" : f.pointer() + " ";
    }

    // ------------------------------------------------------------------ json

    private String json(List<FileConversion> results, List<String> written, boolean includeOutput, int exit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "graphlint-convert/1");
        root.put("exitCode", exit);
        root.put("to", to);
        root.put("from", from);
        ObjectNode summary = root.putObject("summary");
        ArrayNode files = root.putArray("files");
        int bodies = 0;
        int changed = 0;
        int changes = 0;
        int lost = 0;
        int lossyFiles = 0;
        int problems = 0;
        int invalid = 0;
        int writtenCount = 0;
        for (int i = 0; i < results.size(); i++) {
            FileConversion c = results.get(i);
            ObjectNode f = files.addObject();
            f.put("file", c.file());
            f.put("changed", c.changed());
            f.put("lossy", c.lossy());
            f.put("valid", c.valid());
            f.put("written", written.get(i));
            f.set("problem", c.problem() == null ? null : finding(c.problem()));
            if (c.problem() != null || c.hasProblem()) {
                problems++;
            }
            changed += c.changed() ? 1 : 0;
            lossyFiles += c.lossy() ? 1 : 0;
            invalid += c.valid() ? 0 : 1;
            writtenCount += written.get(i) != null ? 1 : 0;
            ArrayNode bs = f.putArray("bodies");
            for (BodyConversion b : c.bodies()) {
                bodies++;
                ObjectNode o = bs.addObject();
                o.put("request", b.request());
                o.put("line", b.line());
                Conversion v = b.conversion();
                if (v == null) {
                    o.set("problem", finding(b.problem()));
                    continue;
                }
                o.put("entity", v.to().entity());
                o.put("operation", v.to().operation().id());
                o.put("apiVersion", v.to().apiVersion());
                o.put("from", v.from().versionId());
                o.put("to", v.to().versionId());
                o.put("lossy", v.lossy());
                o.put("valid", v.valid());
                ArrayNode chs = o.putArray("changes");
                for (Change ch : v.changes()) {
                    changes++;
                    lost += ch.lossy() ? 1 : 0;
                    ObjectNode x = chs.addObject();
                    x.put("pointer", ch.pointer());
                    x.put("kind", ch.kind().id());
                    x.put("outcome", ch.outcome().id());
                    x.put("lossy", ch.lossy());
                    x.put("oldValue", ch.oldValue());
                    x.put("newValue", ch.newValue());
                    x.put("message", ch.message());
                }
                ArrayNode rem = o.putArray("remaining");
                v.remaining().forEach(x -> rem.add(finding(x)));
                ArrayNode src = o.putArray("sourceFindings");
                b.sourceFindings().forEach(x -> src.add(finding(x)));
                o.set("problem", null);
            }
            if (includeOutput && c.text() != null && !c.hasProblem()) {
                f.put("output", c.text());
            }
        }
        summary.put("fixtures", results.size());
        summary.put("bodies", bodies);
        summary.put("changed", changed);
        summary.put("lossy", lossyFiles);
        summary.put("changes", changes);
        summary.put("lost", lost);
        summary.put("invalid", invalid);
        summary.put("problems", problems);
        summary.put("written", writtenCount);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", f.rule());
        o.put("category", f.category().name().toLowerCase(java.util.Locale.ROOT));
        o.put("pointer", f.pointer());
        o.put("line", f.line());
        o.put("column", f.column());
        o.put("message", f.message());
        return o;
    }

    // ------------------------------------------------------------------ inputs

    private static Finding input(String name, String message) {
        return new Finding(name, 0, 0, 0, null, "unreadable", Severity.ERROR, Category.INPUT, message, null);
    }

    /** A file as given, or every *.json/*.http/*.rest fixture under a folder (sorted; hidden folders and links skipped). */
    private static void expand(Path p, List<Path> files, List<FileConversion> problems) {
        if (!Files.exists(p)) {
            problems.add(new FileConversion(p.toString(), null, false, List.of(), input(p.toString(), "no such file or folder")));
            return;
        }
        if (!Files.isDirectory(p)) {
            files.add(p);
            return;
        }
        List<Path> found = new ArrayList<>();
        try {
            walk(p, found, 0);
        } catch (IOException | RuntimeException e) {
            problems.add(new FileConversion(p.toString(), null, false, List.of(),
                    input(p.toString(), "cannot list folder: " + GraphlintCommand.oneLine(e))));
            return;
        }
        if (found.isEmpty()) {
            problems.add(new FileConversion(p.toString(), null, false, List.of(),
                    input(p.toString(), "no *.json, *.http or *.rest fixtures in this folder")));
        }
        found.sort((a, b) -> a.toString().compareTo(b.toString()));
        files.addAll(found);
    }

    /**
     * Fixtures under a folder, recursively, without a stat per fixture (a name ending in .json/.http/.rest is taken as
     * a file; one that is not is reported when read); hidden folders and links to folders are not followed.
     */
    private static void walk(Path dir, List<Path> found, int depth) throws IOException {
        if (depth > 64) {
            return;
        }
        List<Path> subdirs = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) {
                if (isFixture(e)) {
                    found.add(e);
                } else if (!e.getFileName().toString().startsWith(".") && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    subdirs.add(e);
                }
            }
        }
        for (Path d : subdirs) {
            walk(d, found, depth + 1);
        }
    }

    private static boolean isFixture(Path x) {
        String n = x.getFileName().toString();
        int k = n.length() - 5;
        return k > 0 && !n.startsWith(".") && (n.regionMatches(true, k, ".json", 0, 5)
                || n.regionMatches(true, k, ".http", 0, 5) || n.regionMatches(true, k, ".rest", 0, 5));
    }

}
