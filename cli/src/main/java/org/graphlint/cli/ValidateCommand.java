package org.graphlint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.ValidateOptions;
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
        GraphlintCommand.helpOptions(s, "Show this help.", "Print graphlint's version and exit.");
        s.addOption(OptionSpec.builder("--doc-version", "--at").paramLabel("SELECTOR").type(String.class)
                .defaultValue("latest").description("Doc (schema) version: a version id, an ISO date (the newest version"
                + " not after it), a source commit (7+ hex) or 'latest' (default).").build());
        s.addOption(GraphlintCommand.stringOption("--entity", "NAME", null, "Entity of every body (e.g. vppToken)."));
        s.addOption(GraphlintCommand.stringOption("--operation", "create|update|resource", null, "Operation of every body."));
        s.addOption(GraphlintCommand.stringOption("--api-version", "beta|v1.0", null,
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
        s.addOption(GraphlintCommand.stringOption("--max-size", "SIZE", "16m",
                "Largest fixture read, e.g. 512k, 16m (default: 16m); larger ones are reported, not read."));
        s.addOption(OptionSpec.builder("--allow-outside").arity("0").type(boolean.class)
                .description("Read a .http file's '< body' files even where they resolve outside the folder given"
                        + " (default: only inside it; a file given directly: its own folder).").build());
        s.addOption(choice("--color", "auto|always|never", "auto", ColorMode.class, ColorMode::parse,
                "Colour in text output (default: auto, only on a terminal and without NO_COLOR)."));
        s.addOption(OptionSpec.builder("--var").paramLabel("NAME=VALUE").type(List.class).auxiliaryTypes(String.class)
                .arity("1").description("A .http variable ({{NAME}}), winning over the file's '@NAME = value'; repeatable.")
                .build());
        s.addOption(GraphlintCommand.stringOption("--stdin-name", "NAME", "<stdin>",
                "Name of the fixture read from standard input (PATH '-') in findings; a .http name or an operation"
                + " word (create-….json) routes it as a file name would."));
        s.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH").type(List.class)
                .auxiliaryTypes(Path.class)
                .description("Fixture files or folders (searched recursively for *.json, *.http, *.rest); '-' reads"
                        + " one fixture from standard input.").build());
        return s;
    }


    /**
     * An enum-typed option: any letter case accepted, and an unknown value refused with {@code parse}'s message (the
     * one a configuration file's value gets too).
     */
    private static <E extends Enum<E>> OptionSpec choice(String name, String label, String defaultValue, Class<E> type,
            java.util.function.Function<String, E> parse, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).converters(Choices.converter(parse))
                .defaultValue(defaultValue).description(description).build();
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
    java.util.Map<String, String> variables() {
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
    void applyConfig() {
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
    ValidateOptions optionsFor(Path fixture, ValidateOptions base) {
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
        return ValidateRun.run(this, spec.commandLine().getOut(), spec.commandLine().getErr(), System.nanoTime());
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
