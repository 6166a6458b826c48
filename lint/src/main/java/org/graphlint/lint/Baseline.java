package org.graphlint.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Known findings, so that a docs CI step fails only on new ones. A finding is known by its rule, file and subject (what
 * it is about: {@code token<-токен}, {@code /state="Valid"}), never by its line, so that edits above it do not bring it
 * back; the same key may be known several times (a count).
 *
 * <p>The file is JSON whose first member is {@code "format": "graphlint-lint-baseline/1"}. graphlint writes it through a
 * temporary file and an atomic rename, and refuses to replace a file that is not such a baseline.
 */
public final class Baseline {
    public static final String FORMAT = "graphlint-lint-baseline/1";
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Integer> known;

    private Baseline(Map<String, Integer> known) {
        this.known = known;
    }

    static String key(LintFinding f) {
        return f.rule().id() + '\u0000' + f.file().replace('\\', '/') + '\u0000' + f.subject();
    }

    /** The baseline of these findings. */
    public static Baseline of(List<LintFinding> findings) {
        Map<String, Integer> m = new HashMap<>();
        for (LintFinding f : findings) {
            m.merge(key(f), 1, Integer::sum);
        }
        return new Baseline(m);
    }

    public int size() {
        return known.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Reads a baseline; anything else is a {@link LintException} that says what the file is not. */
    public static Baseline read(Path file) {
        JsonNode root = parse(file);
        Map<String, Integer> m = new HashMap<>();
        for (JsonNode f : root.path("findings")) {
            String rule = f.path("rule").asString("");
            String name = f.path("file").asString("");
            String subject = f.path("subject").asString("");
            int count = Math.max(1, f.path("count").asInt(1));
            m.merge(rule + '\u0000' + name + '\u0000' + subject, count, Integer::sum);
        }
        return new Baseline(m);
    }

    private static JsonNode parse(Path file) {
        if (!Files.exists(file)) {
            throw new LintException(file + ": no such baseline (write one with --write-baseline)");
        }
        if (!Files.isRegularFile(file)) {
            throw new LintException(file + ": not a regular file; a baseline is a JSON file graphlint writes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new LintException(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new LintException(file + ": larger than 64 MB: not a graphlint baseline");
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new LintException(file + ": not a graphlint baseline (not JSON: " + org.graphlint.parser.Text.oneLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new LintException(file + ": not a graphlint baseline (no \"format\": \"" + FORMAT + "\")");
        }
        return root;
    }

    /** The findings this baseline does not know, and how many it knew (each known key absorbs up to its count). */
    public Applied apply(List<LintFinding> findings) {
        Map<String, Integer> left = new HashMap<>(known);
        List<LintFinding> kept = new ArrayList<>();
        int suppressed = 0;
        for (LintFinding f : findings) {
            String k = key(f);
            Integer n = left.get(k);
            if (n != null && n > 0) {
                left.put(k, n - 1);
                suppressed++;
            } else {
                kept.add(f);
            }
        }
        return new Applied(kept, suppressed);
    }

    /** The result of {@link #apply}. */
    public record Applied(List<LintFinding> kept, int suppressed) {
    }

    /**
     * Writes the findings as a baseline, atomically. An existing file is replaced only when it is a graphlint baseline;
     * anything else there is left alone and the write refused.
     */
    public static void write(Path file, List<LintFinding> findings) {
        if (Files.exists(file)) {
            parse(file); // throws unless it is ours
        }
        Map<String, Object[]> grouped = new TreeMap<>();
        for (LintFinding f : findings) {
            Object[] e = grouped.computeIfAbsent(key(f), k -> new Object[] {f, 0});
            e[1] = (Integer) e[1] + 1;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", "Known findings of graphlint lint: a finding listed here (rule, file, subject) is not reported."
                + " Regenerate with --write-baseline.");
        ArrayNode arr = root.putArray("findings");
        for (Object[] e : grouped.values()) {
            LintFinding f = (LintFinding) e[0];
            ObjectNode n = arr.addObject();
            n.put("rule", f.rule().id());
            n.put("file", f.file().replace('\\', '/'));
            n.put("subject", f.subject());
            n.put("count", (Integer) e[1]);
            n.put("message", f.message());
        }
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new LintException(file + ": cannot write the baseline: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp); // our own temporary file
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** Known keys per rule (for a summary). */
    Map<String, Integer> perRule() {
        Map<String, Integer> m = new LinkedHashMap<>();
        known.forEach((k, n) -> m.merge(k.substring(0, k.indexOf('\u0000')), n, Integer::sum));
        return m;
    }
}
