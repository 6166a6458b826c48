package org.graphlint.schema;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One distinct schema for an entity and operation, and every doc version (page) that yields it.
 *
 * @param entity    the entity type name ({@code vppToken})
 * @param operation create, update or resource
 * @param id        the earliest {@code lastHandoff} of its pages, ISO {@code YYYY-MM-DD}
 * @param schema    the JSON Schema (draft 2020-12); treat as read-only
 * @param pages     every page behind it, oldest first
 * @param changes   what changed from the previous version of the same entity and operation (empty for the first)
 */
public record SchemaVersion(
        String entity, OperationKind operation, String id, JsonNode schema, List<PageRef> pages, List<SchemaChange> changes) {
    public SchemaVersion {
        pages = List.copyOf(pages);
        changes = List.copyOf(changes);
    }
}
