package org.graphlint.testkit;

import tools.jackson.databind.JsonNode;

/**
 * A payload that breaks its schema version in exactly one place.
 *
 * @param payload the whole payload
 * @param kind    what kind of defect it carries
 * @param rule    the JSON Schema keyword a validator reports for it ({@code additionalProperties}, {@code type},
 *                {@code enum}, {@code format}, {@code pattern}, {@code minimum}, {@code maximum})
 * @param pointer RFC 6901 pointer to the offending value; for an unknown property, to the property itself
 *                ({@code /roleScopeTagIds}), as graphlint's findings point
 * @param detail  what was done, for a person reading a counterexample
 */
public record InvalidPayload(JsonNode payload, DefectKind kind, String rule, String pointer, String detail) {
    @Override
    public String toString() {
        return kind + " (" + rule + " at '" + pointer + "': " + detail + ") in " + payload;
    }
}
