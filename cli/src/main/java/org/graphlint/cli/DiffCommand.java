package org.graphlint.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.graphlint.lint.CatalogDiff;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageFacts;
import org.graphlint.schema.PageIndex;
import org.graphlint.schema.SchemaBuilder;
import org.graphlint.schema.SchemaChange;
import org.graphlint.schema.SchemaDiff;
import org.graphlint.schema.SchemaVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code graphlint diff A B}: what changed between two schema versions (or two pages), classified for senders. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Compare two schema versions, or two pages, and classify each change as breaking or not for senders.",
            "Changes: properties added and removed, type changes, enum values added and removed; breaking means a",
            "payload valid for A may be refused by B.",
            "A and B are version selectors (id, ISO date, source commit, 'latest') or page files (*.md).",
            "--catalog A --against B compares two catalogs entity by entity; --git REPO --rev A --against-rev B the",
            "pages of a repository at two revisions or dates; --git REPO1 --git REPO2 two repositories (two locales)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no change at or above --fail-on (default: breaking)",
            "1:a change breaking for senders (--fail-on breaking), any change (--fail-on any)",
            "2:usage error, unreadable input or no such version"})
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown, junit, github }

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SchemasCommand.CatalogOptions catalog;

    @CommandLine.Mixin
    SchemasCommand.TargetOptions target;

    @Option(names = "--format", paramLabel = "text|json|markdown|junit|github",
            description = "Output format (default: text; junit and github with --against).")
    Format format = Format.text;

    @Option(names = "--against", paramLabel = "DIR",
            description = "Compare the --catalog (default: the embedded one) with this catalog, entity by entity.")
    Path against;

    /** {@code --git REPO --rev A --against-rev B}, or two repositories at one revision. */
    @CommandLine.Mixin
    GitSourceOptions git;

    @Option(names = "--against-rev", paramLabel = "REF",
            description = "With --git REPO: compare the pages at --rev (default: HEAD) with the pages at this revision"
                    + " (a branch, tag, commit or yyyy-mm-dd: the newest commit of that day on HEAD's history).")
    String againstRev;

    @Option(names = "--fail-on", paramLabel = "breaking|any|none", converter = Choices.DiffFailOnConverter.class,
            description = "What makes the exit code 1: a change breaking for senders (default), any change, or nothing.")
    CatalogDiff.FailOn failOn = CatalogDiff.FailOn.BREAKING;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write the diff in FORMAT (text, json, markdown) to FILE (replaced atomically); repeatable.")
    List<String> reportValues = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard output (--report files are still written).")
    boolean quiet;

    @Parameters(index = "0", arity = "0..1", paramLabel = "A", description = "The old side.")
    String a;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "The new side.")
    String b;

    private record Side(String label, JsonNode schema) {
    }

    private static boolean isPage(String s) {
        return s.endsWith(".md") || Files.isRegularFile(Path.of(s));
    }

    @Override
    public Integer call() throws Exception {
        if (!git.repositories.isEmpty() || againstRev != null) {
            return CatalogDiffRun.callGit(this);
        }
        if (against != null || a == null || b == null) {
            return CatalogDiffRun.call(this);
        }
        List<ReportFiles.Spec> reports;
        try {
            reports = ReportFiles.parse(reportValues, java.util.Set.of("text", "json", "markdown"));
            ReportFiles.checkReplaceable(reports);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Side left;
        Side right;
        String what;
        if (isPage(a) || isPage(b)) {
            if (!isPage(a) || !isPage(b)) {
                throw new org.graphlint.schema.CatalogException(
                        "compare two versions or two page files, not one of each");
            }
            List<PageFacts> facts = new ArrayList<>();
            for (String f : List.of(a, b)) {
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    throw new org.graphlint.schema.CatalogException(f + (Files.isDirectory(p)
                            ? ": a folder, not a page file (diff compares two page files, or two catalog versions)"
                            : Files.exists(p) ? ": not a regular file" : ": no such file"));
                }
                PageModel m = PageParser.parse(p);
                facts.add(PageFacts.of(m, p.toString()));
            }
            SchemaBuilder builder = new SchemaBuilder(new PageIndex(facts));
            List<Side> sides = new ArrayList<>();
            for (PageFacts pf : facts) {
                var built = builder.build(pf).orElseThrow(() -> new org.graphlint.schema.CatalogException(
                        pf.file() + ": no schema to build from this page (not a create, update, action or resource page)"));
                sides.add(new Side(pf.file(), built.schema()));
            }
            left = sides.get(0);
            right = sides.get(1);
            what = "pages";
        } else {
            Catalog c = catalog.open();
            String e = SchemasCommand.entity(c, target.entity, spec);
            OperationKind op = SchemasCommand.operation(target.operation, spec);
            SchemaVersion va = SchemasCommand.select(c, e, op, a, spec);
            SchemaVersion vb = SchemasCommand.select(c, e, op, b, spec);
            left = new Side(va.id(), va.schema());
            right = new Side(vb.id(), vb.schema());
            what = e + " " + op.id() + " (" + c.apiVersion() + ")";
        }
        List<SchemaChange> changes = SchemaDiff.diff(left.schema(), right.schema());
        if (!quiet) {
            print(spec.commandLine().getOut(), format, what, left.label(), right.label(), changes);
        }
        for (ReportFiles.Spec r : reports) {
            java.io.StringWriter sw = new java.io.StringWriter();
            try (PrintWriter pw = new PrintWriter(sw)) {
                print(pw, Format.valueOf(r.format()), what, left.label(), right.label(), changes);
            }
            String text = sw.toString();
            if (r.format().equals("json") && text.startsWith("{")) {
                // In a file, the JSON says whose it is (a later --report may then replace it); stdout is unchanged.
                text = "{\n  \"format\" : \"graphlint-diff/1\"," + text.substring(1);
            }
            ReportFiles.write(r.file(), ReportFiles.marked(r.format(), text));
        }
        boolean found = switch (failOn) {
            case ANY -> !changes.isEmpty();
            case NONE -> false;
            case BREAKING -> SchemaDiff.breaking(changes);
        };
        return found ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static void print(PrintWriter o, Format format, String what, String from, String to, List<SchemaChange> changes) {
        long breaking = changes.stream().filter(SchemaChange::breakingForSenders).count();
        switch (format) {
            case json -> {
                ObjectNode n = SchemasCommand.JSON.createObjectNode();
                n.put("subject", what);
                n.put("from", from);
                n.put("to", to);
                n.put("breakingForSenders", breaking > 0);
                ArrayNode arr = n.putArray("changes");
                for (SchemaChange c : changes) {
                    arr.addObject().put("kind", c.kind()).put("path", c.path()).put("detail", c.detail())
                            .put("breakingForSenders", c.breakingForSenders());
                }
                o.println(SchemasCommand.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
            }
            case markdown -> {
                o.printf("## %s: %s → %s%n%n", what, from, to);
                if (changes.isEmpty()) {
                    o.println("No changes.");
                    return;
                }
                o.println("| Change | Path | Detail | Breaking for senders |");
                o.println("|---|---|---|---|");
                for (SchemaChange c : changes) {
                    o.printf("| %s | `%s` | %s | %s |%n", c.kind(), c.path(), c.detail().replace("|", "\\|"),
                            c.breakingForSenders() ? "**yes**" : "no");
                }
                o.printf("%n%d change(s), %d breaking for senders.%n", changes.size(), breaking);
            }
            default -> {
                o.printf("%s: %s -> %s%n", what, from, to);
                for (SchemaChange c : changes) {
                    o.printf("  %-9s %-22s %s%n", c.breakingForSenders() ? "BREAKING" : "ok", c.kind(), c.detail());
                }
                o.printf("%d change(s), %d breaking for senders%n", changes.size(), breaking);
            }
        }
    }
}
