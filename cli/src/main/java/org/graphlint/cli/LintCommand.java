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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint lint PATH...}: doc defects of localized reference pages, for doc maintainers and their CI. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Report doc defects of localized reference pages, with file, line, column and rule.",
            "Rules: identifiers rewritten by translation, tables that disagree with their examples, the parser's",
            "diagnostics, pages lagging behind other locales, and (with --metadata) pages that disagree with the",
            "service. 'graphlint lint --list-rules' lists the rules."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no findings at or above --fail-on (beyond the baseline)",
            "1:findings at or above --fail-on", "2:usage error or unreadable input"})
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Pages or folders (searched recursively for *.md).")
    List<Path> paths = new ArrayList<>();

    /**
     * {@code --git [TAG=]REPO}, {@code --rev}, {@code --since}, {@code --path}: the pages of a repository at a revision;
     * a TAG makes the repository a locale tree, as {@code --locale TAG=DIR} does a folder.
     */
    @CommandLine.Mixin
    GitSourceOptions git;

    @Option(names = "--locale", paramLabel = "TAG=DIR",
            description = "A locale's tree of pages (repeatable): pages at the same path in several trees are compared for locale lag.")
    Map<String, Path> locales = new LinkedHashMap<>();

    @Option(names = "--metadata", paramLabel = "[API=]CSDL",
            description = "Service metadata (CSDL XML) to compare type pages with; API=beta or v1.0 limits it to that API version's pages.")
    String metadata;

    @Option(names = "--format", paramLabel = "text|json|junit|sarif|github|markdown", description = "Report format (default: text).")
    String format = "text";

    @Option(names = "--fail-on", paramLabel = "error|warning|note", description = "Lowest level that fails the run (default: error).")
    String failOn = "error";

    @Option(names = "--rule", paramLabel = "ID=LEVEL", description = "Report a rule at another level, or 'off' (repeatable).")
    Map<String, String> rules = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Known findings: only findings it does not list are reported.")
    Path baseline;

    @Option(names = "--write-baseline", description = "Write every current finding to the --baseline file (a graphlint baseline, replaced atomically) and exit 0.")
    boolean writeBaseline;

    @Option(names = "--list-rules", description = "List the rules with their ids and default levels, and exit.")
    boolean listRules;

    @Override
    public Integer call() {
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
