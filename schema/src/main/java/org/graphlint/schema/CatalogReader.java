package org.graphlint.schema;

import static org.graphlint.schema.Catalog.DEFAULT_API_VERSION;
import static org.graphlint.schema.Catalog.EMBEDDED_RESOURCE;
import static org.graphlint.schema.Catalog.FORMAT;
import static org.graphlint.schema.Catalog.JSON;
import static org.graphlint.schema.Catalog.MAX_FILE_BYTES;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reading a {@link Catalog}: the jar's embedded catalog (packed, read lazily) and catalog folders (packed when
 * {@code schemas build} or {@code export} wrote a current pack beside the JSON; else {@code catalog.json} and its schema
 * files). Errors are one-line {@link CatalogException}s naming the file.
 */
final class CatalogReader {

    private CatalogReader() {
    }


    /** The embedded catalog: the packed all-Graph one, or a catalog folder's JSON in a jar without a pack. */
    static Catalog embedded() {
        Catalog c = PackedCatalog.embedded(); // the all-Graph catalog, read lazily; null in a jar without one
        if (c != null) {
            return c;
        }
        return read(name -> {
            InputStream in = Catalog.class.getClassLoader().getResourceAsStream(EMBEDDED_RESOURCE + name);
            if (in == null) {
                throw new CatalogException("embedded catalog: resource " + EMBEDDED_RESOURCE + name
                        + " is missing from the jar (rebuild with mvn package)");
            }
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new CatalogException("embedded catalog: cannot read " + name + ": " + e.getMessage(), e);
            }
        }, "embedded catalog");
    }

    /** Reads a folder written by {@code graphlint schemas build --out DIR}; throws a one-line {@link CatalogException}. */
    static Catalog load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + ": not a catalog folder (expected a folder with catalog.json)");
        }
        Path root = dir.toAbsolutePath().normalize();
        Catalog packed = PackedCatalog.readIfCurrent(root);
        if (packed != null) {
            return packed; // the same catalog, packed by schemas build or export: read lazily, like the embedded one
        }
        return read(name -> {
            Path p = root.resolve(name).normalize();
            if (!p.startsWith(root)) {
                throw new CatalogException(dir + "/catalog.json: schema file '" + name + "' points outside the catalog folder");
            }
            try {
                return org.graphlint.parser.RegularFile.read(p, MAX_FILE_BYTES);
            } catch (NoSuchFileException e) {
                throw new CatalogException(dir.resolve(name) + (name.equals("catalog.json")
                        ? ": missing: not a catalog folder (write one with 'graphlint schemas build --out DIR')"
                        : ": missing (named in catalog.json)"));
            } catch (org.graphlint.parser.RegularFile.NotRegularFileException
                    | org.graphlint.parser.RegularFile.TooLargeException e) {
                throw new CatalogException(dir.resolve(name) + ": " + e.getMessage(), e);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new CatalogException(dir.resolve(name) + ": cannot read: permission denied", e);
            } catch (IOException | UncheckedIOException e) {
                throw new CatalogException(dir.resolve(name) + ": cannot read: " + e.getMessage(), e);
            }
        }, dir.toString());
    }

    interface Source {
        byte[] read(String name);
    }

    private static JsonNode parse(byte[] bytes, String where) {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new CatalogException(where + ": empty");
            }
            return n;
        } catch (JacksonException e) {
            throw new CatalogException(where + ": not valid JSON: " + org.graphlint.parser.Text.oneLine(e.getOriginalMessage()));
        }
    }

    private static Catalog read(Source source, String where) {
        String catWhere = where + "/catalog.json";
        JsonNode root = parse(source.read("catalog.json"), catWhere);
        try {
            if (!FORMAT.equals(text(root, "format"))) {
                throw new CatalogException(catWhere + ": format is '" + text(root, "format") + "', expected '" + FORMAT + "'");
            }
            JsonNode apisNode = root.path("apiVersions");
            if (!apisNode.isObject()) {
                throw new CatalogException(catWhere + ": 'apiVersions' must be an object");
            }
            Map<String, Catalog> byApi = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> a : apisNode.properties()) {
                String apiName = a.getKey();
                JsonNode apiNode = a.getValue();
                List<SchemaVersion> versions = new ArrayList<>();
                for (JsonNode v : array(apiNode, "versions", catWhere)) {
                    String file = text(v, "file");
                    if (file == null) {
                        throw new CatalogException(catWhere + ": a version of " + text(v, "entity") + " has no 'file'");
                    }
                    JsonNode schema = parse(source.read(file), where + "/" + file);
                    List<PageRef> pages = new ArrayList<>();
                    for (JsonNode p : array(v, "pages", catWhere)) {
                        String lh = text(p, "lastHandoff");
                        pages.add(new PageRef(text(p, "locale"), lh == null ? null : LocalDate.parse(lh),
                                text(p, "sourceCommit"), text(p, "file")));
                    }
                    List<SchemaChange> changes = new ArrayList<>();
                    for (JsonNode c : array(v, "changes", catWhere)) {
                        changes.add(new SchemaChange(text(c, "kind"), text(c, "path"), text(c, "detail"),
                                c.path("breakingForSenders").asBoolean(false)));
                    }
                    String entity = required(v, "entity", catWhere);
                    String id = required(v, "id", catWhere);
                    versions.add(new SchemaVersion(entity, OperationKind.fromId(required(v, "operation", catWhere)), id,
                            schema, pages, changes));
                }
                List<DocumentedOperation> ops = new ArrayList<>();
                for (JsonNode o : array(apiNode, "operations", catWhere)) {
                    ops.add(new DocumentedOperation(required(o, "method", catWhere), required(o, "path", catWhere),
                            required(o, "entity", catWhere), OperationKind.fromId(required(o, "operation", catWhere))));
                }
                Map<String, String> types = new LinkedHashMap<>();
                JsonNode t = apiNode.path("odataTypes");
                if (t.isObject()) {
                    for (Map.Entry<String, JsonNode> e : t.properties()) {
                        types.put(e.getKey(), e.getValue().asString());
                    }
                }
                byApi.put(apiName, Catalog.of(apiName, versions, ops, types));
            }
            String def = text(root, "defaultApiVersion");
            return Catalog.of(byApi, def == null ? DEFAULT_API_VERSION : def);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CatalogException(catWhere + ": " + org.graphlint.parser.Text.oneLine(e.getMessage()));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String required(JsonNode n, String field, String where) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            throw new CatalogException(where + ": an entry lacks '" + field + "'");
        }
        return s;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new CatalogException(where + ": '" + field + "' must be an array");
        }
        return v;
    }
}
