package org.graphlint.schema;

/**
 * One difference between two schemas.
 *
 * @param kind               {@code property-added}, {@code property-removed}, {@code type-changed},
 *                           {@code enum-value-added}, {@code enum-value-removed}, {@code required-added},
 *                           {@code required-removed}, {@code definition-added}, {@code definition-removed}
 * @param path               where: a property path such as {@code state} or {@code tokenActionResults[].actionName}
 * @param detail             what changed, for a person
 * @param breakingForSenders true when a payload valid against the old schema may be rejected by the new one
 */
public record SchemaChange(String kind, String path, String detail, boolean breakingForSenders) {
}
