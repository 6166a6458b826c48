package org.graphlint.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.graphlint.gitpages.GitPage;
import org.graphlint.gitpages.GitPages;
import org.graphlint.gitpages.GitPagesException;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.CatalogException;
import org.graphlint.schema.PageSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --git REPO [--rev REF] [--since DATE] [--path SUBDIR]}: pages read from git repositories (every state of every
 * page under SUBDIR, one per commit that changed it), alongside or instead of PATH folders.
 */
final class GitSourceOptions {
    private static final String GIT = "A git repository to read pages from, without a checkout (repeatable: one per"
            + " locale; lint takes TAG=REPO for a locale tree).";
    private static final String REV = "With --git: the branch, tag or commit (or yyyy-mm-dd: the newest commit of that"
            + " day on HEAD's history) to read at (default: HEAD).";
    private static final String SINCE = "With --git: only commits from this date on (yyyy-mm-dd, UTC); lint reports only"
            + " the pages they changed.";
    private static final String PATH = "With --git: only pages under this folder of the repository.";

    @Option(names = "--git", paramLabel = "REPO", description = GIT)
    List<Path> repositories = new ArrayList<>();

    @Option(names = "--rev", paramLabel = "REF", description = REV)
    String rev;

    @Option(names = "--since", paramLabel = "DATE", description = SINCE)
    String since;

    @Option(names = "--path", paramLabel = "SUBDIR", description = PATH)
    String path;

    /** The same options declared on a command modelled without annotations ({@code lint}, for its start-up time). */
    static void declare(CommandSpec s) {
        s.addOption(OptionSpec.builder("--git").paramLabel("REPO").type(List.class).auxiliaryTypes(Path.class).arity("1")
                .description(GIT).build());
        s.addOption(OptionSpec.builder("--rev").paramLabel("REF").type(String.class).description(REV).build());
        s.addOption(OptionSpec.builder("--since").paramLabel("DATE").type(String.class).description(SINCE).build());
        s.addOption(OptionSpec.builder("--path").paramLabel("SUBDIR").type(String.class).description(PATH).build());
    }

    /** The values of the options {@link #declare} declared, once parsed. */
    static GitSourceOptions read(CommandSpec s) {
        GitSourceOptions g = new GitSourceOptions();
        List<Path> repos = s.findOption("--git").getValue();
        g.repositories = repos == null ? new ArrayList<>() : repos;
        g.rev = s.findOption("--rev").getValue();
        g.since = s.findOption("--since").getValue();
        g.path = s.findOption("--path").getValue();
        return g;
    }

    /** The pages of the folders and repositories, parsed; unreadable pages go to {@code errors}. */
    List<CatalogBuilder.Input> inputs(List<Path> paths, List<String> errors, CommandSpec spec) {
        List<Path> folders = paths == null ? List.of() : paths;
        if (repositories.isEmpty()) {
            if (rev != null || since != null || path != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rev, --since and --path go with --git REPO");
            }
            if (folders.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PATH' (or --git REPO)");
            }
        }
        List<CatalogBuilder.Input> out = new ArrayList<>();
        if (!folders.isEmpty()) {
            out.addAll(PageSource.parse(PageSource.find(folders, errors), errors));
        }
        GitPages.Query q = query(spec);
        for (Path repo : repositories) {
            try {
                List<GitPage> pages = GitPages.read(repo, q);
                out.addAll(GitPages.inputs(pages, errors));
            } catch (GitPagesException e) {
                throw new CatalogException(e.getMessage(), e);
            }
        }
        return out;
    }

    GitPages.Query query(CommandSpec spec) {
        GitPages.Query q = GitPages.Query.of(rev).path(path);
        if (since != null) {
            try {
                q = q.since(LocalDate.parse(since));
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--since: '" + since + "' is not a date (yyyy-mm-dd)");
            }
        }
        return q;
    }
}
