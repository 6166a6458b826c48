package org.graphlint.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphlint.parser.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code .graphlint.yaml}: a project's defaults for {@code graphlint validate}, and per-path overrides, so that a
 * fixture tree with {@code user/}, {@code group/} and {@code intune/} folders says once which entity, operation and
 * doc version each folder holds.
 *
 * <pre>
 * doc-version: 2021-06-01        # --doc-version
 * api-version: v1.0              # --api-version
 * catalog: build/catalog         # --catalog (relative to this file's folder)
 * format: text                   # --format
 * reports:                       # --report FORMAT=FILE (relative to the working folder, like the flag)
 *   sarif: build/graphlint.sarif
 * fail-on: warning               # --fail-on
 * overrides:                     # later entries win over earlier ones
 *   - paths: ["user/**", "group/*.json"]   # globs relative to this file's folder
 *     entity: user
 *     operation: create
 *     doc-version: 2021-06-01
 * </pre>
 *
 * Command-line flags win over the file. Unknown keys are errors naming the nearest valid key: a misspelt
 * {@code fail_on} silently ignored would let a CI step pass that should fail.
 */
record ConfigFile(Path file, String docVersion, String apiVersion, Path catalog, String format,
        Map<String, String> reports, String failOn, List<Override> overrides) {

    static final String NAME = ".graphlint.yaml";

    /** No configuration file. */
    static final ConfigFile NONE = new ConfigFile(null, null, null, null, null, Map.of(), null, List.of());

    private static final Set<String> TOP = Set.of("doc-version", "api-version", "catalog", "format", "reports", "fail-on",
            "overrides");
    private static final Set<String> OVERRIDE = Set.of("paths", "entity", "operation", "doc-version");

    /** One overrides entry: what applies to fixtures whose path matches one of its globs. */
    record Override(List<String> globs, List<PathMatcher> matchers, String entity, String operation, String docVersion) {
        boolean matches(Path relative) {
            for (PathMatcher m : matchers) {
                if (m.matches(relative)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the overrides say for one fixture (null: not said). */
    record Settings(String entity, String operation, String docVersion) {
    }

    /** The nearest {@code .graphlint.yaml} in {@code start} or a folder above it, or {@link #NONE}. */
    static ConfigFile find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path f = p.resolve(NAME);
            if (Files.isRegularFile(f)) {
                return load(f);
            }
        }
        return NONE;
    }

    /**
     * Reads and checks a configuration file.
     *
     * @throws IllegalArgumentException one line naming the file, and the key or value at fault
     */
    static ConfigFile load(Path file) {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + ": no such configuration file");
        }
        JsonNode root;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new IllegalArgumentException(where + ": over 1 MiB; not a graphlint configuration file");
            }
            root = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException(where + ": not readable as YAML: " + Text.oneLine(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(file, null, null, null, null, Map.of(), null, List.of());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of settings (doc-version: …, overrides: …)");
        }
        checkKeys(root, TOP, where, "");
        Path dir = file.toAbsolutePath().getParent();
        String catalog = text(root, "catalog", where);
        Map<String, String> reports = new LinkedHashMap<>();
        JsonNode r = root.get("reports");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new IllegalArgumentException(where + ": reports: expected FORMAT: FILE pairs, e.g. 'sarif: graphlint.sarif'");
            }
            for (Map.Entry<String, JsonNode> e : r.properties()) {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new IllegalArgumentException(where + ": reports." + e.getKey() + ": expected a file name");
                }
                reports.put(e.getKey(), e.getValue().asString());
            }
        }
        List<Override> overrides = new ArrayList<>();
        JsonNode o = root.get("overrides");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) {
                throw new IllegalArgumentException(where + ": overrides: expected a list of entries (- paths: [...])");
            }
            int i = 0;
            for (JsonNode e : o) {
                String at = "overrides[" + i++ + "]";
                if (!e.isObject()) {
                    throw new IllegalArgumentException(where + ": " + at + ": expected paths, entity, operation, doc-version");
                }
                checkKeys(e, OVERRIDE, where, at + ".");
                List<String> globs = new ArrayList<>();
                JsonNode p = e.get("paths");
                if (p == null || p.isNull()) {
                    throw new IllegalArgumentException(where + ": " + at + ": paths is required (globs such as 'user/**')");
                }
                if (p.isArray()) {
                    p.forEach(g -> globs.add(g.asString()));
                } else {
                    globs.add(p.asString());
                }
                List<PathMatcher> matchers = new ArrayList<>();
                for (String g : globs) {
                    matchers.add(matcher(g, where, at));
                }
                overrides.add(new Override(List.copyOf(globs), List.copyOf(matchers), text(e, "entity", where),
                        text(e, "operation", where), text(e, "doc-version", where)));
            }
        }
        return new ConfigFile(file, text(root, "doc-version", where), text(root, "api-version", where),
                catalog == null ? null : dir.resolve(catalog).normalize(), text(root, "format", where),
                Map.copyOf(reports), text(root, "fail-on", where), List.copyOf(overrides));
    }

    /** A glob over paths relative to the configuration file's folder; {@code user/} means everything under it. */
    private static PathMatcher matcher(String glob, String where, String at) {
        String g = glob.strip().replace('\\', '/');
        if (g.startsWith("./")) {
            g = g.substring(2);
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + g);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + at + ".paths: '" + glob + "' is not a glob: "
                    + Text.oneLine(e));
        }
    }

    /** What the overrides say for a fixture (a path as given on the command line, or the --stdin-name). */
    Settings settingsFor(Path fixture) {
        if (overrides.isEmpty()) {
            return new Settings(null, null, null);
        }
        Path rel;
        try {
            rel = file.toAbsolutePath().getParent().relativize(fixture.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return new Settings(null, null, null);
        }
        String entity = null;
        String operation = null;
        String docVersion = null;
        for (Override o : overrides) {
            if (o.matches(rel)) {
                entity = o.entity() != null ? o.entity() : entity;
                operation = o.operation() != null ? o.operation() : operation;
                docVersion = o.docVersion() != null ? o.docVersion() : docVersion;
            }
        }
        return new Settings(entity, operation, docVersion);
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(where + ": " + key + ": expected a single value");
        }
        return v.asString();
    }

    private static void checkKeys(JsonNode n, Set<String> valid, String where, String prefix) {
        for (Iterator<String> it = n.propertyNames().iterator(); it.hasNext();) {
            String k = it.next();
            if (!valid.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + prefix + k + "'; did you mean '" + prefix
                        + nearest(k, valid) + "'? (valid: " + String.join(", ", valid.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The valid key with the smallest edit distance (ignoring case, '_' and '-'). */
    static String nearest(String key, Set<String> valid) {
        String k = key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid.stream().sorted().toList()) {
            int d = org.graphlint.validate.Suggest.distance(k, v);
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        return best;
    }
}
