package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.graphlint.parser.Diagnostic;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageModelJson;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.parser.PropertyRow;
import org.graphlint.parser.Severity;
import org.graphlint.parser.Text;
import org.graphlint.schema.PageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/** {@code graphlint parse}: pages to page models. */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Parse localized Graph reference pages (sxs or plain) and print their page models.",
            "PATH is a page or a folder (searched recursively for *.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every page read, no diagnostic at or above --fail-on",
            "1:some page has a diagnostic at or above --fail-on (default: error)",
            "2:usage error or a path that could not be read"})
public final class ParseCommand implements java.util.concurrent.Callable<Integer> {
    enum Format { json, text }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "json|text",
            description = "Output per page: json (JSON Lines: one object per line, whatever the number of pages) or text."
                    + " Default: json, or none with --stats.")
    Format format;

    @Option(names = "--pretty", description = "Indent the JSON (one object over several lines per page; not JSON Lines).")
    boolean pretty;

    @Option(names = "--fail-on", paramLabel = "error|warning|none", converter = Choices.FailOnConverter.class,
            description = "Lowest diagnostic severity that makes the exit code 1, or none (default: error).")
    FailOn failOn = FailOn.ERROR;

    @Option(names = {"-q", "--quiet"}, description = "Print no page models (the --stats summary and errors still print).")
    boolean quiet;

    @Option(names = "--stats", description = "Print a summary: pages, pages/s, property rows, names by nameSource, diagnostics by code.")
    boolean stats;

    @Option(names = "--threads", paramLabel = "N", description = "Pages parsed at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Pages or folders.")
    List<Path> paths;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCode.OK;
        // Only regular files; whatever is not read (a FIFO, a device, a broken link, an unlistable folder, a folder
        // without pages) is said on one line, and the rest is still parsed.
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        PageSource.find(paths, problems).forEach(f -> files.add(f.path()));
        for (String p : problems) {
            err.println("graphlint: " + p);
            exit = ExitCode.USAGE_OR_INPUT;
        }
        Severity threshold = switch (failOn) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case NONE -> null;
        };
        Format shown = quiet ? null : format != null ? format : (stats ? null : Format.json);
        Stats st = new Stats();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "graphlint-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            // A sliding window, not batches: the workers never wait for a batch's slowest page, and results are
            // still taken in file order. The window bounds the page models held at once.
            int window = 256;
            ArrayDeque<Future<Object>> inFlight = new ArrayDeque<>(window);
            int next = 0;
            while (next < files.size() || !inFlight.isEmpty()) {
                while (next < files.size() && inFlight.size() < window) {
                    Path f = files.get(next++);
                    inFlight.add(pool.submit(() -> parseOne(f)));
                }
                Object r = inFlight.poll().get();
                if (r instanceof PageReadException e) {
                    err.println("graphlint: " + e.getMessage());
                    st.unreadable++;
                    exit = ExitCode.USAGE_OR_INPUT;
                    continue;
                }
                if (r instanceof Throwable t) {
                    // A parser defect must not hide the other pages: report it on one line and go on.
                    err.println("graphlint: internal error: " + Text.oneLine(t));
                    st.unreadable++;
                    exit = ExitCode.USAGE_OR_INPUT;
                    continue;
                }
                PageModel page = (PageModel) r;
                st.add(page);
                if (exit == ExitCode.OK && threshold != null
                        && page.diagnostics().stream().anyMatch(d -> d.severity().ordinal() <= threshold.ordinal())) {
                    exit = ExitCode.FINDINGS;
                }
                if (shown == Format.json) {
                    out.println(pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PageModelJson.toJson(page))
                            : JSON.writeValueAsString(PageModelJson.toJson(page)));
                } else if (shown == Format.text) {
                    printText(out, page);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (stats) {
            st.print(out, (System.nanoTime() - start) / 1e9);
        }
        out.flush();
        return exit;
    }

    private static Object parseOne(Path f) {
        try {
            return PageParser.parse(f);
        } catch (PageReadException e) {
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            return new RuntimeException(f + ": " + Text.oneLine(e), e);
        }
    }

    private static void printText(PrintWriter out, PageModel p) {
        out.printf("%s  [%s %s %s, %s]%n", p.file(), p.format().id(), p.locale(), p.lastHandoff(), p.kind().id());
        if (p.title().english() != null || p.title().localized() != null) {
            out.printf("  title: %s%s%n", p.title().english() != null ? p.title().english() + " / " : "", p.title().localized());
        }
        if (p.operation() != null) {
            out.printf("  operation: %s %s%n", p.operation().method(), p.operation().path());
        }
        for (PropertyRow r : p.properties()) {
            out.printf("  %-40s %-28s %-12s%s%s%n", r.name(), r.type() + (r.collection() ? "[]" : ""), r.nameSource().id(),
                    r.enumValues().isEmpty() ? "" : " " + r.enumValues(),
                    r.name().equals(r.localizedName()) ? "" : "  (shown as '" + r.localizedName() + "')");
        }
        p.enumMembers().forEach(m -> out.printf("  member %s = %s%n", m.name(), m.value()));
        for (Diagnostic d : p.diagnostics()) {
            out.printf("  %s:%d: %s %s: %s%n", p.file(), d.line(), d.severity().id(), d.code(), d.message());
        }
    }

    /** The --stats summary. */
    private static final class Stats {
        int pages;
        int unreadable;
        long rows;
        final Map<String, Integer> byNameSource = new TreeMap<>();
        final Map<String, Integer> byDiagnostic = new TreeMap<>();
        final Map<String, Integer> byFormat = new TreeMap<>();
        final Map<String, Integer> byKind = new TreeMap<>();

        void add(PageModel p) {
            pages++;
            rows += p.properties().size();
            byFormat.merge(p.format().id(), 1, Integer::sum);
            byKind.merge(p.kind().id(), 1, Integer::sum);
            p.properties().forEach(r -> byNameSource.merge(r.nameSource().id(), 1, Integer::sum));
            p.diagnostics().forEach(d -> byDiagnostic.merge(d.code(), 1, Integer::sum));
        }

        void print(PrintWriter out, double seconds) {
            out.printf("pages: %d (%s)%n", pages, byFormat);
            out.printf("unreadable: %d%n", unreadable);
            out.printf("kinds: %s%n", byKind);
            out.printf("seconds: %.2f%n", seconds);
            out.printf("pages/s: %.0f%n", seconds > 0 ? pages / seconds : 0.0);
            out.printf("property rows: %d%n", rows);
            out.printf("names by nameSource: %s%n", byNameSource);
            out.printf("diagnostics by code: %s%n", byDiagnostic);
        }
    }
}
