package org.graphlint.schema;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One distinct schema for an entity and operation, and every doc version (page) that yields it.
 *
 * @param entity    the entity type name ({@code vppToken})
 * @param operation create, update or resource
 * @param id        the earliest {@code lastHandoff} of its pages, ISO {@code YYYY-MM-DD}
 * @param schema    the JSON Schema (draft 2020-12); {@link #schema()} hands out a copy
 * @param pages     every page behind it, oldest first
 * @param changes   what changed from the previous version of the same entity and operation (empty for the first)
 */
public record SchemaVersion(
        String entity, OperationKind operation, String id, JsonNode schema, List<PageRef> pages, List<SchemaChange> changes) {
    public SchemaVersion {
        pages = List.copyOf(pages);
        changes = List.copyOf(changes);
    }

    /**
     * The JSON Schema, as a copy: catalogs are shared by a whole process ({@link Catalog#embedded()}) and their schemas
     * share definition trees, so no caller may change the tree itself. Readers in this package that only read it use
     * {@link #tree()}; a caller that reads it often (a validator compiling it) takes one copy and keeps it.
     */
    @Override
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** The schema tree itself, never handed out of this package: for readers that do not change it. */
    JsonNode tree() {
        return schema;
    }
}
