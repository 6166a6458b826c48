package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.graphlint.parser.Text;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.ValidateOptions;
import org.graphlint.validate.report.Reporter;
import org.graphlint.validate.report.Run;

/**
 * One {@code graphlint validate} run once its options are read ({@link ValidateCommand} holds them): settle them with
 * the configuration file, load the catalog on another thread while the fixtures are listed ({@link FixtureListing}),
 * check every fixture (on every core past a few), print the report and write the {@code --report} files.
 */
final class ValidateRun {
    private ValidateRun() {
    }

    /** Runs the command whose options {@code cmd} holds (already read from its model); the exit code. */
    static int run(ValidateCommand cmd, PrintWriter out, PrintWriter err, long start) {
        Severity threshold;
        Reporter reporter;
        ValidateOptions options;
        List<ReportFiles.Spec> reportFiles;
        boolean failNever = false;
        StdinFixture.Read stdin = null;
        java.util.concurrent.CompletableFuture<PayloadValidator> loading;
        try {
            cmd.applyConfig();
            threshold = cmd.failOn.threshold();
            failNever = cmd.failOn.never();
            reporter = Reporter.forFormat(cmd.format.id(), cmd.color.colour());
            reportFiles = ReportFiles.parse(cmd.reportValues, ValidateCommand.FORMATS);
            ReportFiles.checkNotAnInput(reportFiles, cmd.paths);
            ReportFiles.checkReplaceable(reportFiles);
            if (cmd.paths.stream().filter(p -> p.toString().equals("-")).count() > 1) {
                throw new IllegalArgumentException("'-' (standard input) given more than once");
            }
            OperationKind op = cmd.operation == null ? null : OperationKind.fromId(cmd.operation);
            Catalog.Selector.parse(cmd.version);
            options = new ValidateOptions(cmd.entity, op, cmd.version, ValidateCommand.parseSize(cmd.maxSize))
                    .withVariables(cmd.variables()).withAllowOutside(cmd.allowOutside);
            // Load the catalog (and compile the schema the flags name) on another thread while this one lists the
            // fixtures: on a folder of thousands of files the two overlap.
            final String ent = cmd.entity;
            final String sel = cmd.version;
            final Path dir = cmd.catalogDir;
            final String api = cmd.apiVersion;
            final ConfigFile cfg = cmd.config;
            loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                PayloadValidator v = dir == null ? PayloadValidator.embedded() : PayloadValidator.load(dir);
                if (api != null && !api.equals(v.catalog().apiVersion())) {
                    if (!v.catalog().apiVersions().contains(api)) {
                        throw new IllegalArgumentException("the catalog has no API version '" + api + "' (it has "
                                + String.join(", ", v.catalog().apiVersions()) + ")");
                    }
                    v = PayloadValidator.of(v.catalog().forApiVersion(api));
                }
                for (ConfigFile.Override o : cfg.overrides()) {
                    if (o.entity() != null && !v.catalog().entities().contains(o.entity())) {
                        try {
                            v.target(o.entity(), OperationKind.CREATE, "latest");
                        } catch (IllegalArgumentException x) {
                            throw new IllegalArgumentException(cfg.file() + ": overrides " + o.globs() + ": " + x.getMessage());
                        }
                    }
                }
                String e = ent;
                if (e == null && op != null && v.catalog().entities().size() == 1) {
                    e = v.catalog().entities().iterator().next();
                }
                if (e != null && !v.catalog().entities().contains(e)) {
                    // Let the library word it (with the nearest names).
                    v.target(e, op == null ? OperationKind.CREATE : op, sel);
                }
                if (e != null && op != null) {
                    v.prepare(v.target(e, op, sel));
                }
                return v;
            });
        } catch (IllegalArgumentException | CatalogException e) {
            err.println("graphlint validate: " + Text.oneLine(e));
            err.flush();
            return ExitCode.USAGE_OR_INPUT;
        }
        long tSetup = System.nanoTime();
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FileReport> early = new ArrayList<>();
        int stdinAt = -1;
        List<Path> roots = new ArrayList<>(); // per file: the folder given, inside which '< body' files must resolve
        for (Path p : cmd.paths) {
            if (p.toString().equals("-")) {
                // read here, checked once the validator is loaded; a placeholder keeps its place in the run
                stdin = StdinFixture.read(GraphlintCommand.stdin(), options.maxBytes());
                stdinAt = early.size();
                files.add(null);
                names.add(cmd.stdinName);
                early.add(null);
                roots.add(null); // standard input: no folder was given (its placeholder is never checked through roots)
                continue;
            }
            FixtureListing.expand(p, files, names, early);
            Path root = java.nio.file.Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            while (roots.size() < files.size()) {
                roots.add(root);
            }
        }
        long tListed = System.nanoTime();
        PayloadValidator validator;
        try {
            validator = loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            err.println("graphlint validate: " + Text.oneLine(c));
            err.flush();
            return ExitCode.USAGE_OR_INPUT;
        }
        long tList = System.nanoTime();
        if (stdin != null) {
            Path named;
            try {
                named = Path.of(cmd.stdinName);
            } catch (java.nio.file.InvalidPathException x) {
                named = null;
            }
            early.set(stdinAt, check(validator, stdin, cmd.stdinName, cmd.optionsFor(named, options)));
        }
        FileReport[] reports = new FileReport[files.size()];
        final PayloadValidator v = validator;
        final ValidateOptions o = options;
        if (files.size() < 4) {
            for (int i = 0; i < reports.length; i++) {
                if (files.get(i) != null) {
                    reports[i] = check(v, files.get(i), names.get(i), cmd.optionsFor(files.get(i), o).withBodyRoot(roots.get(i)));
                }
            }
        } else {
            IntStream.range(0, reports.length).parallel().forEach(i -> {
                if (files.get(i) != null) {
                    reports[i] = check(v, files.get(i), names.get(i), cmd.optionsFor(files.get(i), o).withBodyRoot(roots.get(i)));
                }
            });
        }
        List<FileReport> all = new ArrayList<>(reports.length);
        int e = 0;
        for (int i = 0; i < reports.length; i++) {
            all.add(files.get(i) == null ? early.get(e++) : reports[i]);
        }
        long tCheck = System.nanoTime();
        Run run = new Run(all, threshold, (System.nanoTime() - start) / 1_000_000);
        if (!cmd.quiet) {
            StringBuilder sb = new StringBuilder(256 + all.size() * 64);
            reporter.write(run, sb);
            out.print(sb);
            out.flush();
        }
        int exit = run.exitCode();
        for (ReportFiles.Spec r : reportFiles) {
            StringBuilder rb = new StringBuilder(256 + all.size() * 64);
            Reporter.forFormat(r.format(), false).write(run, rb);
            try {
                ReportFiles.write(r.file(), ReportFiles.marked(r.format(), rb.toString()));
            } catch (IOException | RuntimeException ex) {
                err.println("graphlint validate: cannot write --report " + r.file() + ": " + Text.oneLine(ex));
                exit = ExitCode.USAGE_OR_INPUT;
            }
        }
        if (System.getenv("GRAPHLINT_TIMING") != null) {
            long tEnd = System.nanoTime();
            err.printf(Locale.ROOT, "graphlint timing: JVM start %d ms, setup %d ms, listing %d ms (then waiting for the catalog %d ms), checking %d ms, report %d ms%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (tEnd - start) / 1_000_000,
                    (tSetup - start) / 1_000_000, (tListed - tSetup) / 1_000_000, (tList - tListed) / 1_000_000,
                    (tCheck - tList) / 1_000_000,
                    (tEnd - tCheck) / 1_000_000);
            err.flush();
        }
        if (failNever && exit == ExitCode.FINDINGS) {
            exit = ExitCode.OK;
        }
        err.flush();
        return exit;
    }

    private static FileReport check(PayloadValidator v, StdinFixture.Read read, String name, ValidateOptions o) {
        try {
            return StdinFixture.check(v, read, name, o);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return FixtureListing.problem(name, "graphlint could not check this fixture: " + Text.oneLine(e));
        }
    }

    private static FileReport check(PayloadValidator v, Path file, String name, ValidateOptions o) {
        try {
            return v.validateFile(file, name, o);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Never a stack trace: a bug or an exhausted resource is reported against the fixture.
            return new FileReport(name, List.of(), List.of(new Finding(name, 0, 0, 0, null, "unreadable",
                    Severity.ERROR, Category.INPUT, "graphlint could not check this fixture: " + Text.oneLine(e),
                    null)), 0);
        }
    }
}
