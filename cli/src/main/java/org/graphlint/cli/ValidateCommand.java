package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code graphlint validate}: request fixtures in, findings and an exit code out. Its options are declared through
 * picocli's programmatic API, for start-up time (see {@link GraphlintCommand}).
 */
public final class ValidateCommand implements Callable<Integer> {

    private CommandSpec spec;

    String version;
    String entity;
    String operation;
    Path catalogDir;
    ReportFormat format;
    FailOn failOn;
    String maxSize;
    ColorMode color;
    boolean allowOutside;
    List<Path> paths;
    List<String> reportValues;
    boolean quiet;
    String stdinName;
    String apiVersion;
    Path configPath;
    List<String> varValues;
    /** The .graphlint.yaml in force ({@link ConfigFile#NONE} without one) and whether a flag set each overridable option. */
    ConfigFile config = ConfigFile.NONE;
    boolean entityFlag;
    boolean operationFlag;
    boolean docVersionFlag;

    /** A new validate command's model. */
    static CommandSpec newSpec() {
        ValidateCommand c = new ValidateCommand();
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        c.spec = s;
        s.name("validate");
        s.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description(
                        "Check request fixtures (.json bodies, .http/.rest requests) against a schema version of the catalog.",
                        "A .http request picks its entity and operation from its method and path; a JSON body its entity from"
                                + " @odata.type; the flags override both.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(GraphlintCommand.exitCodes(
                        "0", "every fixture valid (nothing at or above --fail-on)",
                        "1", "findings at or above --fail-on",
                        "2", "usage error, or a fixture that could not be read or parsed (reported; the others are still checked)"));
        s.versionProvider(new GraphlintCommand.Version());
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print graphlint's version and exit.").build());
        s.addOption(OptionSpec.builder("--doc-version", "--at").paramLabel("SELECTOR").type(String.class)
                .defaultValue("latest").description("Doc (schema) version: a version id, an ISO date (the newest version"
                + " not after it), a source commit (7+ hex) or 'latest' (default).").build());
        s.addOption(option("--entity", "NAME", null, "Entity of every body (e.g. vppToken)."));
        s.addOption(option("--operation", "create|update|resource", null, "Operation of every body."));
        s.addOption(option("--api-version", "beta|v1.0", null,
                "Graph API version of JSON bodies (default: the catalog's first, beta); a .http request's URL names its own."));
        s.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(Path.class)
                .description("Configuration file (default: the nearest .graphlint.yaml in the working folder or above;"
                        + " 'none' for no file). Flags win over it.").build());
        s.addOption(OptionSpec.builder("--catalog").paramLabel("DIR").type(Path.class)
                .description("Catalog folder written by 'graphlint schemas build --out DIR' (default: the embedded one).")
                .build());
        s.addOption(choice("--format", "text|json|junit|sarif|github", "text", ReportFormat.class, ReportFormat::parse,
                "Output format on standard output (default: text)."));
        s.addOption(OptionSpec.builder("--report").paramLabel("FORMAT=FILE").type(List.class).auxiliaryTypes(String.class)
                .arity("1").description("Also write the report in FORMAT to FILE (replaced atomically); repeatable,"
                        + " e.g. --report sarif=graphlint.sarif --report junit=TEST-graphlint.xml.").build());
        s.addOption(OptionSpec.builder("-q", "--quiet").arity("0")
                .description("Print nothing on standard output (reports named with --report are still written).").build());
        s.addOption(choice("--fail-on", "error|warning|none", "error", FailOn.class, FailOn::parse,
                "Lowest severity that makes the exit code 1, or none to exit 0 whatever is found (default: error)."));
        s.addOption(option("--max-size", "SIZE", "16m",
                "Largest fixture read, e.g. 512k, 16m (default: 16m); larger ones are reported, not read."));
        s.addOption(OptionSpec.builder("--allow-outside").arity("0").type(boolean.class)
                .description("Read a .http file's '< body' files even where they resolve outside the folder given"
                        + " (default: only inside it; a file given directly: its own folder).").build());
        s.addOption(choice("--color", "auto|always|never", "auto", ColorMode.class, ColorMode::parse,
                "Colour in text output (default: auto, only on a terminal and without NO_COLOR)."));
        s.addOption(OptionSpec.builder("--var").paramLabel("NAME=VALUE").type(List.class).auxiliaryTypes(String.class)
                .arity("1").description("A .http variable ({{NAME}}), winning over the file's '@NAME = value'; repeatable.")
                .build());
        s.addOption(option("--stdin-name", "NAME", "<stdin>",
                "Name of the fixture read from standard input (PATH '-') in findings; a .http name or an operation"
                + " word (create-….json) routes it as a file name would."));
        s.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH").type(List.class)
                .auxiliaryTypes(Path.class)
                .description("Fixture files or folders (searched recursively for *.json, *.http, *.rest); '-' reads"
                        + " one fixture from standard input.").build());
        return s;
    }

    private static OptionSpec option(String name, String label, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(defaultValue)
                .description(description).build();
    }

    /**
     * An enum-typed option: any letter case accepted, and an unknown value refused with {@code parse}'s message (the
     * one a configuration file's value gets too).
     */
    private static <E extends Enum<E>> OptionSpec choice(String name, String label, String defaultValue, Class<E> type,
            java.util.function.Function<String, E> parse, String description) {
        picocli.CommandLine.ITypeConverter<E> converter = v -> {
            try {
                return parse.apply(v);
            } catch (IllegalArgumentException e) {
                throw new UnknownChoice(e.getMessage());
            }
        };
        return OptionSpec.builder(name).paramLabel(label).type(type).converters(converter).defaultValue(defaultValue)
                .description(description).build();
    }

    /**
     * A value outside an enum-typed option's choices. {@link GraphlintCommand} prints its message on one line, as the
     * command's other usage errors (picocli would add its own prefix and the whole usage).
     */
    static final class UnknownChoice extends picocli.CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;

        UnknownChoice(String message) {
            super(message);
        }
    }

    /** The parsed values, read from the model into the fields the rest of the command uses. */
    private void readOptions() {
        version = spec.findOption("--doc-version").getValue();
        entity = spec.findOption("--entity").getValue();
        operation = spec.findOption("--operation").getValue();
        catalogDir = spec.findOption("--catalog").getValue();
        format = spec.findOption("--format").getValue();
        failOn = spec.findOption("--fail-on").getValue();
        maxSize = spec.findOption("--max-size").getValue();
        color = spec.findOption("--color").getValue();
        Boolean outside = spec.findOption("--allow-outside").getValue();
        allowOutside = outside != null && outside;
        paths = spec.positionalParameters().get(0).getValue();
        List<String> r = spec.findOption("--report").getValue();
        reportValues = r == null ? List.of() : r;
        Boolean q = spec.findOption("--quiet").getValue();
        quiet = q != null && q;
        stdinName = spec.findOption("--stdin-name").getValue();
        apiVersion = spec.findOption("--api-version").getValue();
        configPath = spec.findOption("--config").getValue();
        List<String> vars = spec.findOption("--var").getValue();
        varValues = vars == null ? List.of() : vars;
    }

    /** The --var values as a map; a value without '=' is a usage error. */
    private java.util.Map<String, String> variables() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String v : varValues) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--var '" + v + "': write NAME=VALUE, e.g. --var host=https://graph.microsoft.com");
            }
            m.put(v.substring(0, eq).strip(), v.substring(eq + 1));
        }
        return m;
    }

    /**
     * Reads the configuration file and fills in what no flag set: flags win over the file, the file over the built-in
     * defaults. Per-path overrides are applied per fixture ({@link #optionsFor}).
     */
    private void applyConfig() {
        picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        java.util.function.Predicate<String> given = name -> pr != null && pr.hasMatchedOption(spec.findOption(name));
        if (configPath != null && configPath.toString().equals("none")) {
            config = ConfigFile.NONE;
        } else {
            config = configPath != null ? ConfigFile.load(configPath) : ConfigFile.find(Path.of(""));
        }
        entityFlag = given.test("--entity");
        operationFlag = given.test("--operation");
        docVersionFlag = given.test("--doc-version");
        if (config == ConfigFile.NONE) {
            return;
        }
        if (!docVersionFlag && config.docVersion() != null) {
            version = config.docVersion();
        }
        if (!given.test("--api-version") && config.apiVersion() != null) {
            apiVersion = config.apiVersion();
        }
        if (!given.test("--catalog") && config.catalog() != null) {
            catalogDir = config.catalog();
        }
        if (!given.test("--format") && config.format() != null) {
            format = ReportFormat.parse(config.format());
        }
        if (!given.test("--fail-on") && config.failOn() != null) {
            failOn = FailOn.parse(config.failOn());
        }
        if (!given.test("--report") && !config.reports().isEmpty()) {
            List<String> r = new ArrayList<>();
            config.reports().forEach((f, file) -> r.add(f + "=" + file));
            reportValues = r;
        }
        for (ConfigFile.Override o : config.overrides()) {
            try {
                if (o.operation() != null) {
                    OperationKind.fromId(o.operation());
                }
                if (o.docVersion() != null) {
                    Catalog.Selector.parse(o.docVersion());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(config.file() + ": overrides " + o.globs() + ": " + e.getMessage());
            }
        }
    }

    /** The options for one fixture: the run's, with what the configuration's overrides say where no flag spoke. */
    private ValidateOptions optionsFor(Path fixture, ValidateOptions base) {
        if (config.overrides().isEmpty() || fixture == null) {
            return base;
        }
        ConfigFile.Settings s = config.settingsFor(fixture);
        ValidateOptions o = base;
        if (!entityFlag && s.entity() != null) {
            o = o.withEntity(s.entity());
        }
        if (!operationFlag && s.operation() != null) {
            o = o.withOperation(OperationKind.fromId(s.operation()));
        }
        if (!docVersionFlag && s.docVersion() != null) {
            o = o.withVersion(s.docVersion());
        }
        return o;
    }

    /** The formats {@code --format} and {@code --report} accept. */
    static final java.util.Set<String> FORMATS = ReportFormat.ids();

    /**
     * Starts loading the embedded catalog on a background thread when the command line is a {@code validate} without
     * {@code --catalog}: on two cores the load then overlaps with building and parsing the command line (a few hundred
     * milliseconds of start-up that otherwise run one after the other). A failure is left for {@link #call} to report.
     */
    static void preload(String[] args) {
        if (args.length == 0 || !args[0].equals("validate")) {
            return;
        }
        for (String a : args) {
            if (a.startsWith("--catalog") || a.equals("-h") || a.equals("--help")) {
                return;
            }
        }
        Thread t = new Thread(() -> {
            try {
                PayloadValidator.embedded();
            } catch (RuntimeException e) {
                // reported by call(), which loads it again
            }
        }, "graphlint-preload");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Integer call() {
        readOptions();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Severity threshold;
        Reporter reporter;
        ValidateOptions options;
        List<ReportFiles.Spec> reportFiles;
        boolean failNever = false;
        StdinFixture.Read stdin = null;
        java.util.concurrent.CompletableFuture<PayloadValidator> loading;
        try {
            applyConfig();
            threshold = failOn.threshold();
            failNever = failOn.never();
            reporter = Reporter.forFormat(format.id(), color.colour());
            reportFiles = ReportFiles.parse(reportValues, FORMATS);
            ReportFiles.checkNotAnInput(reportFiles, paths);
            ReportFiles.checkReplaceable(reportFiles);
            if (paths.stream().filter(p -> p.toString().equals("-")).count() > 1) {
                throw new IllegalArgumentException("'-' (standard input) given more than once");
            }
            OperationKind op = operation == null ? null : OperationKind.fromId(operation);
            Catalog.Selector.parse(version);
            options = new ValidateOptions(entity, op, version, parseSize(maxSize)).withVariables(variables())
                    .withAllowOutside(allowOutside);
            // Load the catalog (and compile the schema the flags name) on another thread while this one lists the
            // fixtures: on a folder of thousands of files the two overlap.
            final String ent = entity;
            final String sel = version;
            final Path dir = catalogDir;
            final String api = apiVersion;
            final ConfigFile cfg = config;
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
            err.println("graphlint validate: " + GraphlintCommand.oneLine(e));
            err.flush();
            return ExitCode.USAGE_OR_INPUT;
        }
        long tSetup = System.nanoTime();
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FileReport> early = new ArrayList<>();
        int stdinAt = -1;
        List<Path> roots = new ArrayList<>(); // per file: the folder given, inside which '< body' files must resolve
        for (Path p : paths) {
            if (p.toString().equals("-")) {
                // read here, checked once the validator is loaded; a placeholder keeps its place in the run
                stdin = StdinFixture.read(GraphlintCommand.stdin(), options.maxBytes());
                stdinAt = early.size();
                files.add(null);
                names.add(stdinName);
                early.add(null);
                roots.add(null); // standard input: no folder was given (its placeholder is never checked through roots)
                continue;
            }
            expand(p, files, names, early);
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
            err.println("graphlint validate: " + GraphlintCommand.oneLine(c));
            err.flush();
            return ExitCode.USAGE_OR_INPUT;
        }
        long tList = System.nanoTime();
        if (stdin != null) {
            Path named;
            try {
                named = Path.of(stdinName);
            } catch (java.nio.file.InvalidPathException x) {
                named = null;
            }
            early.set(stdinAt, check(validator, stdin, stdinName, optionsFor(named, options)));
        }
        FileReport[] reports = new FileReport[files.size()];
        final PayloadValidator v = validator;
        final ValidateOptions o = options;
        if (files.size() < 4) {
            for (int i = 0; i < reports.length; i++) {
                if (files.get(i) != null) {
                    reports[i] = check(v, files.get(i), names.get(i), optionsFor(files.get(i), o).withBodyRoot(roots.get(i)));
                }
            }
        } else {
            IntStream.range(0, reports.length).parallel().forEach(i -> {
                if (files.get(i) != null) {
                    reports[i] = check(v, files.get(i), names.get(i), optionsFor(files.get(i), o).withBodyRoot(roots.get(i)));
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
        if (!quiet) {
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
                err.println("graphlint validate: cannot write --report " + r.file() + ": " + GraphlintCommand.oneLine(ex));
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
            return problem(name, "graphlint could not check this fixture: " + GraphlintCommand.oneLine(e));
        }
    }

    private static FileReport check(PayloadValidator v, Path file, String name, ValidateOptions o) {
        try {
            return v.validateFile(file, name, o);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Never a stack trace: a bug or an exhausted resource is reported against the fixture.
            return new FileReport(name, List.of(), List.of(new Finding(name, 0, 0, 0, null, "unreadable",
                    Severity.ERROR, Category.INPUT, "graphlint could not check this fixture: " + GraphlintCommand.oneLine(e),
                    null)), 0);
        }
    }

    /** A file as given, or every fixture under a folder (sorted, hidden folders skipped). */
    private static void expand(Path p, List<Path> files, List<String> names, List<FileReport> early) {
        List<FileReport> problems = new ArrayList<>();
        expandInto(p, files, names, problems);
        for (FileReport r : problems) {
            files.add(null);
            names.add(r.file());
            early.add(r);
        }
    }

    private static void expandInto(Path p, List<Path> files, List<String> names, List<FileReport> early) {
        if (!Files.exists(p)) {
            early.add(problem(p.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(p)) {
            files.add(p);
            names.add(p.toString());
            return;
        }
        List<Listed> found = new ArrayList<>();
        List<FileReport> problems = new ArrayList<>();
        try {
            walk(p, found, problems, 0);
        } catch (IOException e) {
            early.add(problem(p.toString(), "cannot list folder: " + GraphlintCommand.oneLine(e)));
            return;
        }
        early.addAll(problems);
        if (found.isEmpty() && problems.isEmpty()) {
            early.add(problem(p.toString(), "no *.json, *.http or *.rest fixtures in this folder"));
            return;
        }
        found.sort(null);
        for (Listed f : found) {
            files.add(f.path());
            names.add(f.name());
        }
    }

    /** A listed fixture, ordered by its path string (cheaper to compare than {@link Path}s, and the same order). */
    private record Listed(String name, Path path) implements Comparable<Listed> {
        @Override
        public int compareTo(Listed o) {
            return name.compareTo(o.name);
        }
    }

    /** *.json, *.http or *.rest, in any case. */
    static boolean isFixtureName(String n) {
        int k = n.length() - 5;
        return k >= 0 && (n.regionMatches(true, k, ".json", 0, 5) || n.regionMatches(true, k, ".http", 0, 5)
                || n.regionMatches(true, k, ".rest", 0, 5));
    }

    /**
     * Lists a folder recursively without a stat per fixture: names ending in .json/.http/.rest are taken as files (one
     * that is a folder after all is reported when it is read); only other names are checked for being folders.
     * Hidden folders and symbolic links to folders are not followed.
     */
    private static void walk(Path dir, List<Listed> found, List<FileReport> problems, int depth) throws IOException {
        if (depth > 64) {
            problems.add(problem(dir.toString(), "folders nested deeper than 64 levels; not listed"));
            return;
        }
        List<Path> subdirs = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) {
                String full = e.toString();
                if (isFixtureName(full)) {
                    found.add(new Listed(full, e));
                } else if (!e.getFileName().toString().startsWith(".")
                        && Files.isDirectory(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    subdirs.add(e);
                }
            }
        }
        for (Path s : subdirs) {
            try {
                walk(s, found, problems, depth + 1);
            } catch (IOException e) {
                problems.add(problem(s.toString(), "cannot list folder: " + GraphlintCommand.oneLine(e)));
            }
        }
    }

    private static FileReport problem(String name, String message) {
        return new FileReport(name, List.of(), List.of(new Finding(name, 0, 0, 0, null, "unreadable", Severity.ERROR,
                Category.INPUT, message, null)), 0);
    }

    static long parseSize(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1L << 10;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t) * mult;
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-size '" + s + "' is not a size like 512k or 16m");
        }
    }
}
