package org.graphlint.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.graphlint.schema.SchemaBuilder;
import org.graphlint.schema.SchemaChange;
import org.graphlint.schema.SchemaDiff;

/**
 * Locale lag: the same page in several locale trees ({@code --locale ru-RU=DIR}), each translating some English source
 * commit. The page whose English source is older than another locale's lags; when the two pages make different schemas
 * the lag matters to anyone checking payloads against that locale's docs, and the finding says what differs.
 *
 * <p>Pages pair by their path within the tree. A tree of page histories (one folder per page holding
 * {@code DATE_COMMIT.md} versions, as {@code samples/pages/history} and a git build lay them out) pairs by folder, and
 * each locale's newest version stands for it.
 */
final class LocaleLag {
    private static final Pattern VERSION_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_[0-9a-fA-F]+\\.md");

    private LocaleLag() {
    }

    /** The page a file is a version of: its path in the tree, or its folder for a dated version file. */
    static String pageKey(String name) {
        String n = name.replace('\\', '/');
        int slash = n.lastIndexOf('/');
        String last = n.substring(slash + 1);
        if (slash > 0 && VERSION_FILE.matcher(last).matches()) {
            n = n.substring(0, slash);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    static void check(List<LintPage> pages, SchemaBuilder builder, List<LintFinding> out) {
        // page key -> locale -> newest page
        Map<String, Map<String, LintPage>> byKey = new TreeMap<>();
        for (LintPage p : pages) {
            if (p.input().locale() == null || p.model().lastHandoff() == null) {
                continue;
            }
            byKey.computeIfAbsent(pageKey(p.input().name()), k -> new TreeMap<>())
                    .merge(p.input().locale(), p, (a, b) -> newer(a, b) ? a : b);
        }
        for (Map<String, LintPage> locales : byKey.values()) {
            if (locales.size() < 2) {
                continue;
            }
            LintPage newest = locales.values().stream().max(Comparator.comparing((LintPage p) -> p.model().lastHandoff())
                    .thenComparing(p -> p.input().locale())).orElseThrow();
            LocalDate top = newest.model().lastHandoff();
            for (LintPage p : locales.values()) {
                LocalDate d = p.model().lastHandoff();
                if (!d.isBefore(top) || java.util.Objects.equals(p.model().sourceCommit(), newest.model().sourceCommit())) {
                    continue;
                }
                int line = frontMatterLine(p, "ms.lasthandoff");
                String theirs = newest.input().locale();
                String what = p.input().locale() + " translates the English source of " + d + commit(p) + "; " + theirs
                        + " translates that of " + top + commit(newest);
                List<SchemaChange> changes = schemaChanges(p, newest, builder);
                if (changes.isEmpty()) {
                    out.add(LintFinding.of(p.file(), line, line > 0 ? 1 : 0, LintRule.LOCALE_LAG,
                            what + " (same schema): retranslate from the newer source", theirs + "@" + top));
                } else {
                    List<String> ds = changes.stream().map(SchemaChange::detail).toList();
                    String list = ds.size() <= 4 ? String.join("; ", ds)
                            : String.join("; ", ds.subList(0, 4)) + "; and " + (ds.size() - 4) + " more";
                    out.add(LintFinding.of(p.file(), line, line > 0 ? 1 : 0, LintRule.LOCALE_LAG_SCHEMA,
                            what + ", whose schema differs: " + list + ": retranslate from the newer source",
                            theirs + "@" + top));
                }
            }
        }
    }

    private static boolean newer(LintPage a, LintPage b) {
        int c = a.model().lastHandoff().compareTo(b.model().lastHandoff());
        return c != 0 ? c > 0 : a.input().name().compareTo(b.input().name()) > 0;
    }

    private static String commit(LintPage p) {
        String c = p.model().sourceCommit();
        return c == null ? "" : " (ms.sourcegitcommit " + c.substring(0, Math.min(7, c.length())) + ")";
    }

    private static List<SchemaChange> schemaChanges(LintPage old, LintPage nu, SchemaBuilder builder) {
        if (old.facts().entity() == null || old.facts().operation() == null || nu.facts().operation() != old.facts().operation()) {
            return List.of();
        }
        try {
            Optional<SchemaBuilder.Built> a = builder.build(old.facts());
            Optional<SchemaBuilder.Built> b = builder.build(nu.facts());
            if (a.isEmpty() || b.isEmpty()) {
                return List.of();
            }
            return new ArrayList<>(SchemaDiff.diff(a.get().schema(), b.get().schema()));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** 1-based line of a front-matter field, or 0. */
    static int frontMatterLine(LintPage p, String key) {
        int n = Math.min(p.lineCount(), 200);
        for (int i = 1; i <= n; i++) {
            if (p.line(i).startsWith(key + ":")) {
                return i;
            }
        }
        return 0;
    }
}
