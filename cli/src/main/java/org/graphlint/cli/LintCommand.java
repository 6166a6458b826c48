package org.graphlint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.graphlint.lint.Baseline;
import org.graphlint.lint.Level;
import org.graphlint.lint.LintException;
import org.graphlint.lint.LintFormat;
import org.graphlint.lint.LintInput;
import org.graphlint.lint.LintResult;
import org.graphlint.lint.LintRule;
import org.graphlint.lint.Linter;
import org.graphlint.lint.ServiceMetadata;
import org.graphlint.schema.PhaseTimes;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code graphlint lint PATH...}: doc defects of localized reference pages, for doc maintainers and their CI. Its
 * options are declared through picocli's programmatic API, for start-up time, as validate's are (see
 * {@link GraphlintCommand}): a docs CI step lints on every push, often a handful of pages.
 */
public final class LintCommand implements Callable<Integer> {
    private CommandSpec spec;

    List<Path> paths = new ArrayList<>();
    /**
     * {@code --git [TAG=]REPO}, {@code --rev}, {@code --since}, {@code --path}: the pages of a repository at a revision;
     * a TAG makes the repository a locale tree, as {@code --locale TAG=DIR} does a folder.
     */
    GitSourceOptions git;
    Map<String, Path> locales = new LinkedHashMap<>();
    String metadata;
    String format = "text";
    String failOn = "error";
    Map<String, String> rules = new LinkedHashMap<>();
    Path baseline;
    boolean writeBaseline;
    boolean listRules;

    /** A new lint command's model. */
    static CommandSpec newSpec() {
        LintCommand c = new LintCommand();
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        c.spec = s;
        s.name("lint");
        s.usageMessage()
                .description("Report doc defects of localized reference pages, with file, line, column and rule.",
                        "Rules: identifiers rewritten by translation, tables that disagree with their examples, the parser's",
                        "diagnostics, pages lagging behind other locales, and (with --metadata) pages that disagree with the",
                        "service. 'graphlint lint --list-rules' lists the rules.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(GraphlintCommand.exitCodes(
                        "0", "no findings at or above --fail-on (beyond the baseline)",
                        "1", "findings at or above --fail-on",
                        "2", "usage error or unreadable input"));
        s.versionProvider(new GraphlintCommand.Version());
        GraphlintCommand.helpOptions(s, "Show this help message and exit.", "Print version information and exit.");
        s.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("PATH").type(List.class)
                .auxiliaryTypes(Path.class).description("Pages or folders (searched recursively for *.md).").build());
        GitSourceOptions.declare(s);
        s.addOption(OptionSpec.builder("--locale").paramLabel("TAG=DIR").type(Map.class)
                .auxiliaryTypes(String.class, Path.class)
                .description("A locale's tree of pages (repeatable): pages at the same path in several trees are"
                        + " compared for locale lag.")
                .build());
        s.addOption(GraphlintCommand.stringOption("--metadata", "[API=]CSDL", null,
                "Service metadata (CSDL XML) to compare type pages with; API=beta or v1.0 limits it to that API"
                        + " version's pages."));
        s.addOption(GraphlintCommand.stringOption("--format", "text|json|junit|sarif|github|markdown", "text",
                "Report format (default: text)."));
        s.addOption(GraphlintCommand.stringOption("--fail-on", "error|warning|note", "error",
                "Lowest level that fails the run (default: error)."));
        s.addOption(OptionSpec.builder("--rule").paramLabel("ID=LEVEL").type(Map.class)
                .auxiliaryTypes(String.class, String.class)
                .description("Report a rule at another level, or 'off' (repeatable).").build());
        s.addOption(OptionSpec.builder("--baseline").paramLabel("FILE").type(Path.class)
                .description("Known findings: only findings it does not list are reported.").build());
        s.addOption(OptionSpec.builder("--write-baseline").arity("0").type(boolean.class)
                .description("Write every current finding to the --baseline file (a graphlint baseline, replaced"
                        + " atomically) and exit 0.")
                .build());
        s.addOption(OptionSpec.builder("--list-rules").arity("0").type(boolean.class)
                .description("List the rules with their ids and default levels, and exit.").build());
        return s;
    }

    /** The parsed values, read from the model into the fields the rest of the command uses. */
    private void readOptions() {
        List<Path> p = spec.positionalParameters().get(0).getValue();
        paths = p == null ? new ArrayList<>() : p;
        git = GitSourceOptions.read(spec);
        Map<String, Path> l = spec.findOption("--locale").getValue();
        locales = l == null ? new LinkedHashMap<>() : l;
        metadata = spec.findOption("--metadata").getValue();
        format = spec.findOption("--format").getValue();
        failOn = spec.findOption("--fail-on").getValue();
        Map<String, String> r = spec.findOption("--rule").getValue();
        rules = r == null ? new LinkedHashMap<>() : r;
        baseline = spec.findOption("--baseline").getValue();
        Boolean w = spec.findOption("--write-baseline").getValue();
        writeBaseline = w != null && w;
        Boolean lr = spec.findOption("--list-rules").getValue();
        listRules = lr != null && lr;
    }

    @Override
    public Integer call() {
        readOptions();
        PrintWriter out = spec.commandLine().getOut();
        if (listRules) {
            LintRule.Group g = null;
            for (LintRule r : LintRule.values()) {
                if (r.group() != g) {
                    g = r.group();
                    out.printf("%s:%n", g.title());
                }
                out.printf("  %-30s %-8s %s%n", r.id(), r.defaultLevel().id(), r.description());
            }
            return ExitCode.OK;
        }
        LintFormat fmt;
        Level threshold;
        try {
            fmt = LintFormat.fromId(format);
            threshold = Level.fromId(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (paths.isEmpty() && locales.isEmpty() && git.repositories.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'PATH' (or --locale TAG=DIR, or --git [TAG=]REPO)");
        }
        if (git.repositories.isEmpty() && (git.rev != null || git.since != null || git.path != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rev, --since and --path go with --git REPO");
        }
        if (writeBaseline && baseline == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--write-baseline needs --baseline FILE");
        }
        Linter.Builder b = Linter.builder();
        for (Map.Entry<String, String> e : rules.entrySet()) {
            LintRule r = LintRule.byId(e.getKey()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--rule: no rule '" + e.getKey() + "' (graphlint lint --list-rules lists them)"));
            try {
                b.level(r, e.getValue().equalsIgnoreCase("off") ? null : Level.fromId(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rule " + e.getKey() + ": " + ex.getMessage() + " or off");
            }
        }
        try {
            if (metadata != null) {
                String api = null;
                String file = metadata;
                int eq = metadata.indexOf('=');
                if (eq > 0 && (metadata.startsWith("beta=") || metadata.startsWith("v1.0="))) {
                    api = metadata.substring(0, eq);
                    file = metadata.substring(eq + 1);
                }
                b.metadata(api, ServiceMetadata.read(Path.of(file)));
            }
            Baseline known = baseline != null && !writeBaseline ? Baseline.read(baseline) : null;
            long t0 = System.nanoTime();
            PhaseTimes.restart();
            List<LintInput> inputs = new ArrayList<>(LintInput.read(paths, null));
            locales.forEach((tag, dir) -> inputs.addAll(LintInput.read(List.of(dir), tag)));
            GitLint.Pages fromGit = GitLint.pages(git, spec);
            inputs.addAll(fromGit.inputs());
            PhaseTimes.mark("listing");
            LintResult r = fromGit.inScope(b.build().lint(inputs));
            if (writeBaseline) {
                Baseline.write(baseline, r.findings());
                spec.commandLine().getErr().printf("graphlint: %d finding(s) written to the baseline %s%n",
                        r.findings().size(), baseline);
                return r.unreadable() > 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
            }
            if (known != null) {
                Baseline.Applied a = known.apply(r.findings());
                r = r.withFindings(a.kept(), a.suppressed());
            }
            fmt.write(r, threshold, out);
            if (PhaseTimes.on()) {
                out.flush();
                PhaseTimes.mark("report");
                spec.commandLine().getErr().println(PhaseTimes.report(t0));
            }
            return r.exitCode(threshold);
        } catch (LintException e) {
            spec.commandLine().getErr().println("graphlint: " + e.getMessage());
            return ExitCode.USAGE_OR_INPUT;
        }
    }
}
