package org.graphlint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.CatalogWriter;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageRef;
import org.graphlint.schema.PhaseTimes;
import org.graphlint.schema.SchemaChange;
import org.graphlint.schema.SchemaVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code graphlint schemas build|list|show}: the versioned JSON Schemas built from the docs. */
@Command(name = "schemas", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = "Build, list and show the versioned JSON Schemas (draft 2020-12) built from the docs.",
        subcommands = {SchemasCommand.Build.class, SchemasCommand.ListVersions.class, SchemasCommand.Show.class, SchemasExport.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error, unreadable input or no such version"})
public final class SchemasCommand implements Runnable {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: build, list or show");
    }

    /** Options that pick a catalog: the embedded one unless --catalog DIR. */
    static final class CatalogOptions {
        @Option(names = "--catalog", paramLabel = "DIR",
                description = "A catalog folder written by 'graphlint schemas build' (default: the embedded catalog).")
        Path catalog;

        @Option(names = "--api-version", paramLabel = "beta|v1.0",
                description = "The Graph API version (default: beta).")
        String apiVersion;

        Catalog open() {
            Catalog c = catalog == null ? Catalog.embedded() : Catalog.load(catalog);
            if (apiVersion != null) {
                if (!c.apiVersions().contains(apiVersion)) {
                    throw new CatalogException("the catalog has no API version '" + apiVersion + "' (it has "
                            + String.join(", ", c.apiVersions()) + ")");
                }
                c = c.forApiVersion(apiVersion);
            }
            return c;
        }
    }

    /** The schema a command reads: {@code --entity} and {@code --operation} ({@code schemas show}, {@code diff}). */
    static final class TargetOptions {
        @Option(names = "--entity", paramLabel = "NAME", description = "The entity (default: the catalog's only one).")
        String entity;

        @Option(names = "--operation", paramLabel = "create|update|resource", description = "Default: create.")
        String operation;
    }

    /** The entity to use: the one given, or the catalog's only entity. */
    static String entity(Catalog c, String given, CommandSpec spec) {
        if (given != null) {
            if (!c.entities().contains(given)) {
                throw new CatalogException("no entity '" + given + "' in the catalog (" + c.apiVersion() + "); known: "
                        + String.join(", ", c.entities()));
            }
            return given;
        }
        if (c.entities().size() == 1) {
            return c.entities().iterator().next();
        }
        throw new CatalogException("the catalog has " + c.entities().size() + " entities: add --entity NAME");
    }

    static OperationKind operation(String given, CommandSpec spec) {
        try {
            return given == null ? OperationKind.CREATE : OperationKind.fromId(given);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage());
        }
    }

    /** The version a selector names, or a usage error that says what exists. */
    static SchemaVersion select(Catalog c, String entity, OperationKind op, String selector, CommandSpec spec) {
        Optional<SchemaVersion> v;
        try {
            v = c.select(entity, op, selector);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage());
        }
        if (v.isEmpty()) {
            List<String> ids = c.versions(entity, op).stream().map(SchemaVersion::id).toList();
            throw new CatalogException("no " + entity + " " + op.id() + " version for '"
                    + selector + "'" + (ids.isEmpty() ? " (none documented)" : "; versions: " + String.join(", ", ids)));
        }
        return v.get();
    }

    @Command(name = "build", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
            description = {"Build the versioned schemas and their catalog from pages into a folder.",
                "One file per API version, entity, operation and schema version, plus catalog.json listing every",
                "version with its pages and what changed from the previous one. The previous catalog in --out is",
                "replaced whole when the new one is complete; only the files it lists are removed. A page that",
                "cannot be read leaves --out unchanged."})
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the catalog into.")
        Path out;

        @Option(names = "--force", description = {"Write into an --out folder that also holds files graphlint did not write;"
                + " they are kept (never removed or overwritten)."})
        boolean force;

        @Option(names = "--notes", description = "Print what the builder noticed (skipped rows, inferred types).")
        boolean notes;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Pages or folders (searched recursively for *.md).")
        List<Path> paths;

        @CommandLine.Mixin
        GitSourceOptions git;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> errors = new ArrayList<>();
            long t0 = System.nanoTime();
            // Refused before the work, not after: an --out that is a file or holds the user's files. The check (a
            // whole catalog folder is 8,800 entries to walk and a 4 MB catalog.json to read) runs on a thread of its
            // own while the pages are parsed, and is waited for before anything else is done or said.
            java.util.concurrent.CompletableFuture<Boolean> checked = org.graphlint.schema.BesideWork.start(
                    "graphlint-check-out", () -> {
                        CatalogWriter.check(out, force);
                        return true;
                    });
            List<CatalogBuilder.Input> inputs;
            PhaseTimes.restart();
            try {
                inputs = git.inputs(paths, errors, spec);
            } finally {
                org.graphlint.schema.BesideWork.join(checked);
            }
            for (String e : errors) {
                err.println("graphlint: " + e);
            }
            if (!errors.isEmpty() && java.nio.file.Files.exists(out)) {
                err.println("graphlint: " + out + ": not written: " + errors.size() + " input" + (errors.size() == 1 ? "" : "s")
                        + " could not be read (the folder is unchanged)");
            }
            if (!errors.isEmpty()) {
                return ExitCode.USAGE_OR_INPUT; // nothing written: a build from part of the pages is not the build asked for
            }
            PhaseTimes.mark("parse");
            CatalogBuilder.Result r = CatalogBuilder.build(inputs);
            CatalogWriter.replace(r.catalog(), out, force, true); // with its pack: --catalog DIR reads it as fast as the jar's
            PhaseTimes.mark("written");
            if (notes) {
                r.notes().forEach(n -> err.println("note: " + n));
            }
            if (PhaseTimes.on()) {
                err.println(PhaseTimes.report(t0));
            }
            int versions = 0;
            for (Catalog c : r.catalog().byApiVersion().values()) {
                versions += c.allVersions().size();
            }
            o.printf("%d pages, %d page schemas, %d schema versions (%s), %d notes, %.1f s -> %s%n", r.pages(), r.schemas(),
                    versions, String.join(", ", r.catalog().apiVersions()), r.notes().size(),
                    (System.nanoTime() - t0) / 1e9, out);
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
            description = {"Count, or list, the schema versions of the catalog.",
                "Without a filter: a count per API version and operation; with --entity, --operation or --all: one",
                "line per version (entity, operation, id, pages, changes)."})
    static final class ListVersions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        CatalogOptions catalog;

        @Option(names = "--entity", paramLabel = "NAME", description = "Only this entity (* matches any characters: 'device*').")
        String entity;

        @Option(names = "--operation", paramLabel = "create|update|resource|action", description = "Only this operation.")
        String operation;

        @Option(names = "--all", description = "List every version (thousands for the embedded catalog).")
        boolean all;

        @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
        String format = "text";

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            Catalog whole = catalog.open();
            List<Catalog> apis = catalog.apiVersion != null ? List.of(whole)
                    : new ArrayList<>(whole.byApiVersion().values());
            OperationKind op = operation == null ? null : operation(operation, spec);
            if (!format.equals("text") && !format.equals("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
            }
            java.util.function.Predicate<String> entityFilter = entityFilter(apis);
            if (entity == null && op == null && !all) {
                return summary(o, apis);
            }
            ArrayNode json = JSON.createArrayNode();
            for (Catalog c : apis) {
                for (String e : c.entities()) {
                    if (!entityFilter.test(e)) {
                        continue;
                    }
                    for (OperationKind k : c.operationKinds(e)) {
                        if (op != null && op != k) {
                            continue;
                        }
                        for (SchemaVersion v : c.versions(e, k)) {
                            line(o, json, c, v);
                        }
                    }
                }
            }
            if (format.equals("json")) {
                o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            }
            return ExitCode.OK;
        }

        private java.util.function.Predicate<String> entityFilter(List<Catalog> apis) {
            if (entity == null) {
                return e -> true;
            }
            if (entity.contains("*")) {
                java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                        ("\\Q" + entity + "\\E").replace("*", "\\E.*\\Q"), java.util.regex.Pattern.CASE_INSENSITIVE);
                return e -> p.matcher(e).matches();
            }
            Set<String> known = new java.util.TreeSet<>();
            apis.forEach(c -> known.addAll(c.entities()));
            if (!known.contains(entity)) {
                // no table the size of a hostile name: nothing is near a name longer than any identifier
                List<String> near = entity.length() > org.graphlint.validate.Suggest.MAX_NAME ? List.of() : known.stream()
                        .sorted(java.util.Comparator.comparingInt((String k) -> org.graphlint.validate.Suggest.distance(
                                k.toLowerCase(java.util.Locale.ROOT), entity.toLowerCase(java.util.Locale.ROOT))))
                        .limit(5).toList();
                throw new CatalogException("no entity '" + entity + "' in the catalog; nearest: " + String.join(", ", near));
            }
            return entity::equals;
        }

        private int summary(PrintWriter o, List<Catalog> apis) throws Exception {
            ObjectNode json = JSON.createObjectNode();
            for (Catalog c : apis) {
                java.util.Map<OperationKind, Integer> counts = new java.util.EnumMap<>(OperationKind.class);
                int total = 0;
                for (String e : c.entities()) {
                    for (OperationKind k : c.operationKinds(e)) {
                        int n = c.versions(e, k).size();
                        counts.merge(k, n, Integer::sum);
                        total += n;
                    }
                }
                if (format.equals("json")) {
                    ObjectNode a = json.putObject(c.apiVersion());
                    a.put("entities", c.entities().size());
                    a.put("versions", total);
                    ObjectNode byOp = a.putObject("byOperation");
                    counts.forEach((k, n) -> byOp.put(k.id(), n));
                    a.put("documentedOperations", c.operations().size());
                } else {
                    List<String> parts = new ArrayList<>();
                    counts.forEach((k, n) -> parts.add(k.id() + " " + n));
                    o.printf("%-5s %,6d entities, %,6d schema versions (%s), %,6d documented operations%n", c.apiVersion(),
                            c.entities().size(), total, String.join(", ", parts), c.operations().size());
                }
            }
            if (format.equals("json")) {
                o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } else {
                o.println("list them with --entity NAME (or 'pattern*'), --operation OP, --api-version beta|v1.0, or --all");
            }
            return ExitCode.OK;
        }

        private void line(PrintWriter o, ArrayNode json, Catalog c, SchemaVersion v) {
            Set<String> locales = new LinkedHashSet<>();
            v.pages().forEach(p -> locales.add(p.locale()));
            if (format.equals("json")) {
                ObjectNode n = json.addObject();
                n.put("apiVersion", c.apiVersion());
                n.put("entity", v.entity());
                n.put("operation", v.operation().id());
                n.put("id", v.id());
                n.put("pages", v.pages().size());
                ArrayNode l = n.putArray("locales");
                locales.forEach(l::add);
                ArrayNode ch = n.putArray("changes");
                v.changes().forEach(x -> ch.add(x.detail()));
            } else {
                String changes = v.changes().isEmpty() ? "(first version)"
                        : String.join("; ", v.changes().stream().map(SchemaChange::detail).toList());
                o.printf("%-5s %-24s %-8s %-12s %3d pages %-18s %s%n", c.apiVersion(), v.entity(),
                        v.operation().id(), v.id(), v.pages().size(), String.join(",", locales), changes);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
            description = {"Print one schema version (or, with --pages, the pages behind it).",
                "VERSION is a version id, an ISO date (the version in force then), a source commit (7+ hex) or 'latest'."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        CatalogOptions catalog;

        @CommandLine.Mixin
        TargetOptions target;

        @Option(names = "--pages", description = "Print the pages behind the version and its changes instead of the schema.")
        boolean pages;

        @Parameters(index = "0", paramLabel = "VERSION", description = "Version id, ISO date, source commit or 'latest'.")
        String version;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            Catalog c = catalog.open();
            String e = entity(c, target.entity, spec);
            OperationKind op = operation(target.operation, spec);
            SchemaVersion v = select(c, e, op, version, spec);
            if (pages) {
                o.printf("%s %s %s (%s): %d pages%n", v.entity(), v.operation().id(), v.id(), c.apiVersion(), v.pages().size());
                for (PageRef p : v.pages()) {
                    o.printf("  %s %s %s %s%n", p.lastHandoff(), p.locale(), p.sourceCommit(), p.file());
                }
                for (SchemaChange ch : v.changes()) {
                    o.printf("  change: %s%s%n", ch.detail(), ch.breakingForSenders() ? " (breaking for senders)" : "");
                }
            } else {
                o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(v.schema()));
            }
            return ExitCode.OK;
        }
    }
}
