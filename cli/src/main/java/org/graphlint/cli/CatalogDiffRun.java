package org.graphlint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graphlint.gitpages.GitPages;
import org.graphlint.gitpages.GitPagesException;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.lint.CatalogDiff;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.OperationKind;
import picocli.CommandLine;

/** {@code graphlint diff --catalog A --against B}: two catalogs compared entity by entity (the comparison is the lint module's). */
final class CatalogDiffRun {
    private CatalogDiffRun() {
    }

    static int call(DiffCommand d) {
        if (d.against == null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(),
                    "give two versions or pages (A B), or two catalogs (--catalog A --against B)");
        }
        if (d.a != null || d.b != null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(), "--against compares catalogs: drop A and B");
        }
        CatalogDiff.FailOn failOn = d.failOn;
        Catalog a = d.catalog.catalog == null ? Catalog.embedded() : Catalog.load(d.catalog.catalog);
        Catalog b = Catalog.load(d.against);
        List<CatalogDiff.EntityChange> changes = compare(d, a, b);
        String nameA = d.catalog.catalog == null ? "embedded catalog" : d.catalog.catalog.toString();
        d.spec.commandLine().getOut().print(CatalogDiff.write(d.format.name(), nameA, d.against.toString(), changes, failOn));
        d.spec.commandLine().getOut().flush();
        return CatalogDiff.exitCode(changes, failOn);
    }

    /**
     * {@code diff --git REPO --rev A --against-rev B}: the catalogs the repository's pages make at two revisions (or
     * dates); {@code diff --git REPO1 --git REPO2 [--rev R]}: those of two repositories (two locales) at one revision.
     */
    static int callGit(DiffCommand d) {
        if (d.git.repositories.isEmpty()) {
            throw new CommandLine.ParameterException(d.spec.commandLine(), "--against-rev goes with --git REPO");
        }
        if (d.a != null || d.b != null || d.against != null || d.catalog.catalog != null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(),
                    "--git compares a repository's pages at two revisions: drop A, B, --catalog and --against");
        }
        if (d.git.since != null) {
            throw new CommandLine.ParameterException(d.spec.commandLine(),
                    "diff --git compares two revisions: give them as --rev and --against-rev (a date works: yyyy-mm-dd)");
        }
        int repos = d.git.repositories.size();
        if (repos > 2 || (repos == 2) == (d.againstRev != null)) {
            throw new CommandLine.ParameterException(d.spec.commandLine(),
                    "give --git REPO --rev A --against-rev B (one repository, two revisions)"
                            + " or --git REPO1 --git REPO2 [--rev R] (two repositories, one revision)");
        }
        CatalogDiff.FailOn failOn = d.failOn;
        GitPages.Query q = d.git.query(d.spec);
        Path repoA = d.git.repositories.get(0);
        Path repoB = repos == 2 ? d.git.repositories.get(1) : repoA;
        GitPages.Query qb = repos == 2 ? q : GitPages.Query.of(d.againstRev).path(q.path());
        List<String> errors = new ArrayList<>();
        Catalog a = catalogAt(repoA, q, errors);
        Catalog b = catalogAt(repoB, qb, errors);
        List<CatalogDiff.EntityChange> changes = compare(d, a, b);
        String nameA = repoA + "@" + (q.rev() == null ? "HEAD" : q.rev());
        String nameB = repoB + "@" + (qb.rev() == null ? "HEAD" : qb.rev());
        d.spec.commandLine().getOut().print(CatalogDiff.write(d.format.name(), nameA, nameB, changes, failOn));
        d.spec.commandLine().getOut().flush();
        errors.forEach(e -> d.spec.commandLine().getErr().println("graphlint: " + e));
        return errors.isEmpty() ? CatalogDiff.exitCode(changes, failOn) : ExitCode.USAGE_OR_INPUT;
    }

    /** The changes from {@code a} to {@code b}, within the API version, entity and operation the command names. */
    private static List<CatalogDiff.EntityChange> compare(DiffCommand d, Catalog a, Catalog b) {
        if (d.catalog.apiVersion != null) {
            if (!a.apiVersions().contains(d.catalog.apiVersion) && !b.apiVersions().contains(d.catalog.apiVersion)) {
                throw new CatalogException("neither side has API version '" + d.catalog.apiVersion + "'");
            }
            a = only(a, d.catalog.apiVersion);
            b = only(b, d.catalog.apiVersion);
        }
        OperationKind op = d.target.operation == null ? null : SchemasCommand.operation(d.target.operation, d.spec);
        return CatalogDiff.compare(a, b, d.target.entity, op);
    }

    /** The catalog the pages of a repository make as they are at a revision (one version per page). */
    private static Catalog catalogAt(Path repo, GitPages.Query q, List<String> errors) {
        try {
            return CatalogBuilder.build(GitPages.inputs(GitPages.tree(repo, q), errors)).catalog();
        } catch (GitPagesException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /** The catalog with only this API version (an empty one when it has none). */
    private static Catalog only(Catalog c, String api) {
        java.util.Map<String, Catalog> m = new java.util.LinkedHashMap<>();
        if (c.apiVersions().contains(api)) {
            m.put(api, c.forApiVersion(api));
        }
        return m.isEmpty() ? Catalog.of(api, List.of(), List.of(), java.util.Map.of()) : Catalog.of(m, api);
    }
}
