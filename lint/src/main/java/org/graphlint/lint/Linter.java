package org.graphlint.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.graphlint.parser.Diagnostic;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.ParsedPage;
import org.graphlint.parser.PageReadException;
import org.graphlint.schema.KeptModel;
import org.graphlint.schema.PageFacts;
import org.graphlint.schema.PageIndex;
import org.graphlint.schema.PhaseTimes;
import org.graphlint.schema.SchemaBuilder;

/**
 * Lints localized reference pages, on every core. Build one with {@link #builder()}, then {@link #lint(List)}:
 *
 * <pre>{@code
 * LintResult r = Linter.builder().metadata("v1.0", ServiceMetadata.read(Path.of("v1.0.xml"))).build()
 *         .lint(LintInput.read(List.of(Path.of("docs/ru-RU")), "ru-RU"));
 * r.findings().forEach(f -> System.out.println(f.file() + ":" + f.line() + " " + f.rule().id() + " " + f.message()));
 * }</pre>
 *
 * Every page is parsed once; pages link to each other (a request body's enum type lives on its own page), so the
 * schema checks see every page of the run.
 */
public final class Linter {

    private final ServiceMetadata metadata;
    private final String metadataApi;
    private final Map<LintRule, Level> levels;

    private Linter(Builder b) {
        this.metadata = b.metadata;
        this.metadataApi = b.metadataApi;
        this.levels = new EnumMap<>(b.levels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a lint run. */
    public static final class Builder {
        private ServiceMetadata metadata;
        private String metadataApi;
        private final Map<LintRule, Level> levels = new EnumMap<>(LintRule.class);

        private Builder() {
            for (LintRule r : LintRule.values()) {
                levels.put(r, r.defaultLevel());
            }
        }

        /** Compare type pages with the service's metadata; {@code api} ({@code v1.0}, {@code beta}) or null for every page. */
        public Builder metadata(String api, ServiceMetadata md) {
            this.metadataApi = api;
            this.metadata = md;
            return this;
        }

        /** Report a rule at another level; null turns it off. */
        public Builder level(LintRule rule, Level level) {
            levels.put(rule, level);
            return this;
        }

        public Linter build() {
            return new Linter(this);
        }
    }

    /** Lints the pages: every finding, sorted by file, line, column. */
    public LintResult lint(List<LintInput> inputs) {
        // locale lag builds resource pages, whose builds read the responses of the entity's method pages
        return lint(inputs, on(LintRule.LOCALE_LAG, LintRule.LOCALE_LAG_SCHEMA)
                && inputs.stream().anyMatch(in -> in.locale() != null));
    }

    /**
     * The same, keeping the response bodies of every page ({@code everyResponse}) or only of the pages whose own
     * schema the examples pass builds ({@link ExampleCheck#buildReadsResponses}); the findings must not differ.
     */
    LintResult lint(List<LintInput> inputs, boolean everyResponse) {
        long t0 = System.nanoTime();
        List<LintFinding> out = new ArrayList<>();
        // First pass, page by page and on every core (pages are independent): read, parse, and the checks that need
        // only the page itself, while its bytes are at hand; then the bytes go (a slimmer model stays, for the checks
        // that look across pages: KeptModel). Findings are gathered per page and appended in page order: the result never depends on
        // the scheduling.
        Object[] first = new Object[inputs.size()];
        PageIndex.PathCounts paths = new PageIndex.PathCounts();
        KeptModel kept = new KeptModel();
        @SuppressWarnings("unchecked")
        List<LintFinding>[] found = new List[inputs.size()];
        onEveryCore(inputs.size(), i -> {
            List<LintFinding> f = new ArrayList<>();
            LintPage p = firstPass(inputs.get(i), kept, everyResponse, f);
            if (p != null) {
                paths.add(p.facts()); // for the index, while this core has the page at hand
            }
            first[i] = p;
            found[i] = f;
        });
        List<LintPage> pages = new ArrayList<>(inputs.size());
        int unreadable = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] instanceof LintPage p) {
                pages.add(p);
            } else {
                unreadable++;
            }
            out.addAll(found[i]);
            found[i] = null;
        }
        PhaseTimes.mark("first pass");
        List<PageFacts> facts = new ArrayList<>(pages.size());
        for (LintPage p : pages) {
            facts.add(p.facts());
        }
        SchemaBuilder builder = new SchemaBuilder(new PageIndex(facts, paths));
        PhaseTimes.mark("index");
        boolean examples = on(LintRule.EXAMPLE_KEY_TRANSLATED, LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED,
                LintRule.EXAMPLE_WRONG_TYPE, LintRule.EXAMPLE_ENUM_VALUE, LintRule.EXAMPLE_VALUE_FORMAT,
                LintRule.EXAMPLE_MISSING_REQUIRED);
        if (examples) {
            // second pass: a method page's examples against the schema its tables make, with every page's types (the
            // builder only reads its index, so pages are checked on every core too)
            @SuppressWarnings("unchecked")
            List<LintFinding>[] second = new List[pages.size()];
            onEveryCore(pages.size(), i -> {
                LintPage p = pages.get(i);
                List<LintFinding> f = new ArrayList<>(0);
                try {
                    ExampleCheck.check(p, builder, f);
                } catch (RuntimeException e) {
                    // a builder failure on one page is the schema module's bug to fix, not a doc defect: say so, go on
                    f.add(LintFinding.of(p.file(), 0, 0, LintRule.PARSER_OTHER,
                            "graphlint could not check this page's examples (" + org.graphlint.parser.Text.oneLine(String.valueOf(e.getMessage()))
                                    + "): please report it", "example-check-failed"));
                }
                p.release();
                second[i] = f;
            });
            for (List<LintFinding> f : second) {
                out.addAll(f);
            }
            PhaseTimes.mark("examples");
        }
        if (on(LintRule.LOCALE_LAG, LintRule.LOCALE_LAG_SCHEMA)) {
            LocaleLag.check(pages, builder, out);
        }
        List<LintFinding> leveled = new ArrayList<>(out.size());
        for (LintFinding f : out) {
            Level l = f.rule() == LintRule.PARSER_OTHER ? f.level() : levels.get(f.rule());
            if (f.rule() == LintRule.UNREADABLE_PAGE) {
                l = Level.ERROR; // never turned off: nothing is skipped silently
            }
            if (l != null) {
                leveled.add(l == f.level() ? f : f.withLevel(l));
            }
        }
        PhaseTimes.mark("locale lag");
        leveled.sort(Comparator.comparing(LintFinding::file).thenComparingInt(LintFinding::line)
                .thenComparingInt(LintFinding::column).thenComparing(f -> f.rule().id()));
        return new LintResult(leveled, inputs.size(), unreadable, 0, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Reads and parses one page and runs the checks that need only it: its LintPage, or null when it is unreadable. */
    private LintPage firstPass(LintInput listed, KeptModel kept, boolean everyResponse, List<LintFinding> out) {
        LintInput in = listed.load();
        if (in.unreadable() != null) {
            out.add(LintFinding.of(in.file(), 0, 0, LintRule.UNREADABLE_PAGE, in.file() + ": " + in.unreadable(), ""));
            return null;
        }
        ParsedPage parsed;
        try {
            parsed = PageParser.parseWithLines(in.file(), in.content());
        } catch (PageReadException e) {
            out.add(LintFinding.of(in.file(), Math.max(e.line(), 0), 0, LintRule.UNREADABLE_PAGE, org.graphlint.parser.Text.oneLine(e.getMessage()), ""));
            return null;
        }
        PageModel m = parsed.model();
        PageFacts facts = PageFacts.of(m, in.name());
        // the diagnostics are read from m, here: the page keeps less
        LintPage p = LintPage.of(in, kept.of(m, everyResponse || ExampleCheck.buildReadsResponses(facts)), facts,
                parsed.lines());
        for (Diagnostic d : m.diagnostics()) {
            LintRule r = LintRule.forDiagnostic(d.code());
            String msg = r == LintRule.PARSER_OTHER ? d.code() + ": " + d.message() : d.message();
            int col = d.line() > 0 ? 1 : 0;
            out.add(new LintFinding(p.file(), d.line(), col, r,
                    r == LintRule.PARSER_OTHER ? Level.of(d.severity()) : r.defaultLevel(), msg,
                    d.code() + ":" + withoutNumbers(d.message())));
        }
        if (on(LintRule.TRANSLATED_IDENTIFIER)) {
            SpanCheck.check(p, out);
        }
        if (metadata != null) {
            ServiceCheck.check(p, metadata, metadataApi, out);
        }
        p.release();
        return p;
    }

    /**
     * The text with each run of digits replaced by {@code #} (as {@code replaceAll("\\d+", "#")}, without a regex):
     * numbers in a diagnostic's message (lines, byte counts) change with unrelated edits, and are not part of its
     * identity.
     */
    static String withoutNumbers(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        boolean inNumber = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inNumber) {
                    b.append('#');
                    inNumber = true;
                }
            } else {
                b.append(c);
                inNumber = false;
            }
        }
        return b.toString();
    }

    /** {@link EveryCore#run}, on threads named graphlint-lint-1 … */
    static void onEveryCore(int n, IntConsumer task) {
        org.graphlint.schema.EveryCore.run("graphlint-lint", n, task);
    }

    private boolean on(LintRule... rules) {
        for (LintRule r : rules) {
            if (levels.get(r) != null) {
                return true;
            }
        }
        return false;
    }

}
