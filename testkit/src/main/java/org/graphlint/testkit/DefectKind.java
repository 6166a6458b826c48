package org.graphlint.testkit;

/** The one thing wrong with an {@link InvalidPayload}, and the JSON Schema keyword a validator reports for it. */
public enum DefectKind {
    /** A property no schema of the version declares, in an object that admits no others: {@code additionalProperties}. */
    UNKNOWN_PROPERTY,
    /** A value of a JSON type the schema does not allow (a string for an integer, an object for a string): {@code type}. */
    WRONG_TYPE,
    /** A string outside the documented enum (OData's {@code NaN}/{@code INF}/{@code -INF} are an enum too): {@code enum}. */
    OUTSIDE_ENUM,
    /** A malformed date-time, date, GUID ({@code format}), or duration, base64, time of day, decimal ({@code pattern}). */
    MALFORMED_FORMAT,
    /** An integer one past its type's range (Int32, Int64, Byte...): {@code minimum} or {@code maximum}. */
    OUT_OF_RANGE,
    /** A property that only a later schema version of the same entity and operation declares: {@code additionalProperties}. */
    LATER_VERSION_PROPERTY
}
