package org.graphlint.schema;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.graphlint.parser.Operation;
import org.graphlint.parser.PageParser;

/**
 * Builds the all-Graph catalog the jar embeds, in its packed form ({@link PackedCatalog}):
 *
 * <pre>BuildGraphCatalog OUT_DIR REPO_ROOT SHARED_DIR</pre>
 *
 * The inputs ({@link #defaultInputs}) are {@code samples/pages} (the vppToken histories of {@code ../shared/corpus/history}
 * and the seed pages, committed copies) and the two whole-snapshot tarballs of {@code SHARED_DIR/corpus/snapshots},
 * read as they are: nothing is unpacked. The schemas are the
 * {@link CatalogBuilder}'s; on top, every operation the pages document goes into the routing table, including those
 * with no schema of their own (DELETE, functions, actions), so that a request to them is recognised as documented
 * rather than reported as unknown. Deterministic: the same inputs give the same bytes. {@code scripts/build-graph-catalog.sh}
 * runs it; {@code GraphCatalogStalenessTest} rebuilds in memory and compares digests.
 */
public final class BuildGraphCatalog {

    private BuildGraphCatalog() {
    }

    /** One page's bytes and the name it is recorded under. */
    record RawPage(String name, byte[] bytes) {
    }

    /** Every page ({@code *.md}) of the inputs, folders walked and tarballs read, sorted by name within each input. */
    static List<RawPage> readPages(List<Path> inputs) throws IOException {
        List<RawPage> out = new ArrayList<>();
        for (Path in : inputs) {
            List<RawPage> one = new ArrayList<>();
            String n = in.getFileName().toString();
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    for (Path f : s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".md")).toList()) {
                        one.add(new RawPage(in.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f)));
                    }
                }
            } else if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                readTar(in, one);
            } else if (Files.isRegularFile(in)) {
                one.add(new RawPage(n, Files.readAllBytes(in)));
            } else {
                throw new CatalogException(in + ": no such file or folder");
            }
            one.sort(Comparator.comparing(RawPage::name));
            out.addAll(one);
        }
        return out;
    }

    /** The {@code *.md} entries of a gzip'd tar (ustar, with GNU long names and pax paths). */
    static void readTar(Path tgz, List<RawPage> out) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512) {
                    break;
                }
                boolean zero = true;
                for (byte b : header) {
                    if (b != 0) {
                        zero = false;
                        break;
                    }
                }
                if (zero) {
                    break;
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                if (data.length < size) {
                    throw new CatalogException(tgz + ": truncated tar entry " + name);
                }
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
                if (type == 'L') {
                    longName = cString(data, 0, data.length);
                    continue;
                }
                if (type == 'x') {
                    String pax = new String(data, StandardCharsets.UTF_8);
                    for (String rec : pax.split("\n")) {
                        int sp = rec.indexOf(' ');
                        if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                            longName = rec.substring(sp + 6);
                        }
                    }
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if ((type == '0' || type == 0) && name.endsWith(".md")) {
                    out.add(new RawPage(name, data));
                }
            }
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '7') {
                v = v * 8 + (c - '0');
            } else if (c != ' ' && c != 0) {
                break;
            }
        }
        return v;
    }

    /** Parses pages on every core, in input order; unreadable pages go to {@code errors}. */
    static List<CatalogBuilder.Input> parse(List<RawPage> pages, List<String> errors) {
        Object[] parsed = pages.parallelStream().map(p -> {
            try {
                return (Object) new CatalogBuilder.Input(PageParser.parse(p.name(), p.bytes()), p.name());
            } catch (RuntimeException e) { // PageReadException included: reported, never skipped silently
                return p.name() + ": " + org.graphlint.parser.Text.oneLine(e.getMessage());
            }
        }).toArray();
        List<CatalogBuilder.Input> out = new ArrayList<>(parsed.length);
        for (Object o : parsed) {
            if (o instanceof CatalogBuilder.Input i) {
                out.add(i);
            } else {
                errors.add((String) o);
            }
        }
        return out;
    }

    /** The catalog of the given pages: the builder's schemas and operations, plus every other documented operation. */
    static Catalog build(List<CatalogBuilder.Input> inputs, Map<String, byte[]> raw) {
        return buildWithExamples(inputs, raw).catalog();
    }

    /** A built catalog and the templates its pages' own example requests added ({@link ExamplePaths}). */
    record Built(Catalog catalog, ExamplePaths.Result examples) {
    }

    /**
     * The catalog of the given pages: the builder's schemas and operations, every other operation the pages' HTTP
     * request blocks document, and last the paths only the pages' own example requests show ({@link ExamplePaths}:
     * documented templates win).
     */
    static Built buildWithExamples(List<CatalogBuilder.Input> inputs, Map<String, byte[]> raw) {
        Catalog built = CatalogBuilder.build(inputs).catalog();
        List<ActionBodies.Built> actions = new ArrayList<>();
        Map<String, Set<String>> misfiled = new LinkedHashMap<>();
        Map<String, List<DocumentedOperation>> extra = extraOperations(inputs, built, raw, actions, misfiled);
        List<SchemaVersion> actionVersions = ActionBodies.versions(actions);
        // every API version some page documents an operation of (a catalog of action pages alone has no builder's one)
        Map<String, Catalog> apis = new java.util.TreeMap<>(built.byApiVersion());
        for (String api : extra.keySet()) {
            apis.putIfAbsent(api, Catalog.of(api, List.of(), List.of(), Map.of()));
        }
        for (CatalogBuilder.Input in : inputs) {
            String api = PageFacts.of(in.page(), in.file()).apiVersion();
            if (!in.page().examples().isEmpty() && api != null) {
                apis.putIfAbsent(api, Catalog.of(api, List.of(), List.of(), Map.of()));
            }
        }
        Map<String, List<DocumentedOperation>> documented = new LinkedHashMap<>();
        for (Map.Entry<String, Catalog> a : apis.entrySet()) {
            Set<String> mis = misfiled.getOrDefault(a.getKey(), Set.of());
            List<DocumentedOperation> ops = new ArrayList<>();
            for (DocumentedOperation o : a.getValue().operations()) {
                if (!mis.contains(o.method().toUpperCase(Locale.ROOT) + " " + o.pathTemplate())) {
                    ops.add(o);
                }
            }
            ops.addAll(extra.getOrDefault(a.getKey(), List.of()));
            List<DocumentedOperation> keyed = new ArrayList<>(ops.size());
            Set<String> seen = new HashSet<>();
            for (DocumentedOperation o : ops) {
                DocumentedOperation g = ExamplePaths.withoutLiteralIds(o);
                if (seen.add(g.method() + " " + g.pathTemplate() + " " + g.entity() + " " + g.operation())) {
                    keyed.add(g);
                }
            }
            documented.put(a.getKey(), keyed);
        }
        ExamplePaths.Result examples = ExamplePaths.of(inputs, documented);
        Map<String, List<DocumentedOperation>> fromExamples = examples.byApi();
        Map<String, Catalog> byApi = new LinkedHashMap<>();
        for (Map.Entry<String, Catalog> a : apis.entrySet()) {
            Catalog c = a.getValue();
            List<DocumentedOperation> ops = new ArrayList<>(documented.get(a.getKey()));
            ops.addAll(fromExamples.getOrDefault(a.getKey(), List.of()));
            List<SchemaVersion> vs = new ArrayList<>(c.allVersions());
            for (SchemaVersion v : actionVersions) {
                if (apiOf(v, actions).equals(a.getKey())) {
                    vs.add(v);
                }
            }
            byApi.put(a.getKey(), Catalog.of(a.getKey(), vs, ops, c.odataTypes()));
        }
        return new Built(Catalog.of(byApi, Catalog.DEFAULT_API_VERSION), examples);
    }

    private static String apiOf(SchemaVersion v, List<ActionBodies.Built> actions) {
        String file = v.pages().get(0).file();
        for (ActionBodies.Built b : actions) {
            if (b.page().file().equals(file)) {
                return b.api();
            }
        }
        return "";
    }

    /**
     * Operations the pages document that the builder did not file under an entity's create, update or resource:
     * deletes, functions, actions ({@code POST /me/sendMail}), and requests on pages it could not tie to an entity. An
     * action's "entity" is its page's name ({@code user-sendmail}); the router reports a body sent to one without a
     * schema as not checked, never as another entity's.
     */
    static Map<String, List<DocumentedOperation>> extraOperations(List<CatalogBuilder.Input> inputs, Catalog built,
            Map<String, byte[]> raw, List<ActionBodies.Built> actions, Map<String, Set<String>> misfiled) {
        Map<String, Map<String, String>> lowerEntities = new LinkedHashMap<>();
        for (Map.Entry<String, Catalog> a : built.byApiVersion().entrySet()) {
            Map<String, String> m = new java.util.HashMap<>();
            a.getValue().entities().forEach(e -> m.put(e.toLowerCase(Locale.ROOT), e));
            lowerEntities.put(a.getKey(), m);
        }
        Map<String, Set<String>> known = new LinkedHashMap<>();
        for (Map.Entry<String, Catalog> a : built.byApiVersion().entrySet()) {
            Set<String> k = new HashSet<>();
            for (DocumentedOperation o : a.getValue().operations()) {
                k.add(o.method().toUpperCase(Locale.ROOT) + " " + o.pathTemplate());
            }
            known.put(a.getKey(), k);
        }
        Map<String, List<DocumentedOperation>> out = new LinkedHashMap<>();
        Set<String> addedAction = new HashSet<>();
        Map<String, Set<String>> builderKeys = new LinkedHashMap<>();
        known.forEach((api, keys) -> builderKeys.put(api, Set.copyOf(keys)));
        for (CatalogBuilder.Input in : inputs) {
            if (in.page().operations().isEmpty()) {
                continue;
            }
            PageFacts f = PageFacts.of(in.page(), in.file());
            if (f.apiVersion() == null) {
                continue;
            }
            Set<String> k = known.computeIfAbsent(f.apiVersion(), x -> new HashSet<>());
            String slug = f.slug() == null ? in.file() : f.slug();
            slug = slug.substring(slug.lastIndexOf('/') + 1);
            if (slug.endsWith(".md")) {
                slug = slug.substring(0, slug.length() - 3);
            }
            for (Operation o : in.page().operations()) {
                if (o.method() == null || o.path() == null) {
                    continue;
                }
                String method = o.method().toUpperCase(Locale.ROOT);
                String path = CatalogBuilder.pathTemplate(o.path());
                if (!CatalogBuilder.isTemplate(path)) {
                    continue; // the docs generator's placeholder ("** Entity URI for … not found"), as CatalogBuilder
                }
                String key = method + " " + path;
                boolean action = !method.equals("GET") && !method.equals("DELETE") && isAction(slug, path);
                if (action) {
                    String name = slug;
                    byte[] bytes = raw.get(in.file());
                    Catalog api = built.byApiVersion().get(f.apiVersion());
                    if (bytes != null && api != null && in.page().lastHandoff() != null && addedAction.add(in.file())) {
                        List<ActionBodies.Param> params = ActionBodies.parameters(ActionBodies.text(bytes));
                        if (!params.isEmpty()) {
                            ActionBodies.schema(params, api, lowerEntities.getOrDefault(f.apiVersion(), Map.of()))
                                    .ifPresent(sch -> actions.add(new ActionBodies.Built(f.apiVersion(), name, sch,
                                            new PageRef(in.page().locale(), in.page().lastHandoff(), in.page().sourceCommit(),
                                                    in.file()))));
                        }
                    }
                    // an action the builder filed as some entity's create: routed as the action, never as that entity
                    Set<String> mis = misfiled.computeIfAbsent(f.apiVersion(), x -> new HashSet<>());
                    if (builderKeys.getOrDefault(f.apiVersion(), Set.of()).contains(key) && mis.add(key)) {
                        out.computeIfAbsent(f.apiVersion(), x -> new ArrayList<>())
                                .add(new DocumentedOperation(method, path, slug, OperationKind.ACTION));
                        continue;
                    }
                }
                if (!k.add(key)) {
                    continue;
                }
                String entity = f.entity() != null ? f.entity() : slug;
                OperationKind kind;
                if (method.equals("GET") || method.equals("DELETE")) {
                    kind = OperationKind.RESOURCE;
                } else if (action) {
                    kind = OperationKind.ACTION;
                    entity = slug;
                } else {
                    kind = method.equals("POST") ? OperationKind.CREATE : OperationKind.UPDATE;
                }
                out.computeIfAbsent(f.apiVersion(), x -> new ArrayList<>()).add(new DocumentedOperation(method, path, entity, kind));
            }
        }
        return out;
    }

    /** {@code POST …/sendMail} on page {@code user-sendmail}: the page is named after the last segment of the path. */
    static boolean isAction(String slug, String path) {
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        int paren = p.lastIndexOf('(');
        if (paren > p.lastIndexOf('/')) {
            p = p.substring(0, paren);
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        if (last.regionMatches(true, 0, "microsoft.graph.", 0, 16)) {
            last = last.substring(16);
        }
        if (last.isEmpty() || last.startsWith("{") || last.startsWith("$") || !Character.isLowerCase(last.charAt(0))) {
            return false;
        }
        String s = slug.toLowerCase(Locale.ROOT);
        int dash = s.lastIndexOf('-');
        return s.substring(dash + 1).equals(last.toLowerCase(Locale.ROOT));
    }

    /** SHA-256 over every page's name and bytes, in build order. */
    static String inputsDigest(List<RawPage> raw) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (RawPage p : raw) {
                d.update(p.name().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(p.bytes());
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads, parses, builds and packs. */
    static PackedCatalog.Packed packed(List<Path> inputs, List<String> errors) throws IOException {
        return packedWithExamples(inputs, errors).getKey();
    }

    /** Reads, parses, builds and packs; with the templates the pages' own examples added. */
    static Map.Entry<PackedCatalog.Packed, ExamplePaths.Result> packedWithExamples(List<Path> inputs, List<String> errors)
            throws IOException {
        List<RawPage> raw = readPages(inputs);
        String inputsDigest = inputsDigest(raw);
        List<CatalogBuilder.Input> pages = parse(raw, errors);
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        raw.forEach(r -> bytes.put(r.name(), r.bytes()));
        Built b = buildWithExamples(pages, bytes);
        return Map.entry(PackedCatalog.pack(b.catalog(), inputsDigest), b.examples());
    }

    /** Where the listing of the example templates goes, beside the pack (read by the request acceptance's report). */
    static final String EXAMPLE_PATHS = "graph.example-paths.tsv";

    /** The snapshot tarballs the embedded catalog is built from, relative to the shared folder. */
    static final List<String> SNAPSHOTS = List.of("corpus/snapshots/ru-RU-live-sxs-2021-08-27.tar.gz",
            "corpus/snapshots/pt-BR-live-sxs-2021-08-27.tar.gz");

    /** The inputs of the embedded catalog, in build order. */
    static List<Path> defaultInputs(Path repoRoot, Path shared) {
        List<Path> in = new ArrayList<>();
        in.add(repoRoot.resolve("samples/pages"));
        for (String s : SNAPSHOTS) {
            in.add(shared.resolve(s));
        }
        return in;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BuildGraphCatalog OUT_DIR REPO_ROOT SHARED_DIR");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<Path> in = defaultInputs(Path.of(args[1]), Path.of(args[2]));
        for (Path p : in) {
            if (!Files.exists(p)) {
                System.err.println("graphlint: " + p + ": missing (the catalog is built from samples/pages and the snapshots of ../shared)");
                System.exit(2);
            }
        }
        List<String> errors = new ArrayList<>();
        Map.Entry<PackedCatalog.Packed, ExamplePaths.Result> built = packedWithExamples(in, errors);
        PackedCatalog.Packed p = built.getKey();
        PackedCatalog.write(p, Path.of(args[0]));
        Path listing = Path.of(args[0]).resolve(EXAMPLE_PATHS);
        Path tmp = listing.resolveSibling(EXAMPLE_PATHS + ".tmp");
        Files.writeString(tmp, ExamplePaths.listing(built.getValue()), StandardCharsets.UTF_8);
        Files.move(tmp, listing, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        errors.forEach(e -> System.err.println("graphlint: " + e));
        System.out.printf(Locale.ROOT, "example paths: %d templates kept; dropped: %s -> %s%n", built.getValue().kept().size(),
                built.getValue().dropped(), listing);
        System.out.printf(Locale.ROOT, "graph catalog: index %,d bytes, pack %,d bytes, content-sha256 %s (%.1f s) -> %s%n",
                p.index().length, p.pack().length, p.contentDigest(), (System.nanoTime() - t0) / 1e9, args[0]);
    }
}
