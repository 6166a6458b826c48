package org.graphlint.convert;

/** Why a value of a payload changed in a conversion. The id is the stable name in the JSON report. */
public enum ChangeKind {
    /** A property the target version does not document (neither by name nor by pattern): removed. */
    PROPERTY_NOT_IN_TARGET("property-not-in-target"),
    /** An enum value the target version does not allow: removed. */
    ENUM_VALUE_NOT_IN_TARGET("enum-value-not-in-target"),
    /** An enum value the target version replaces, where its docs name the replacement: replaced. */
    ENUM_VALUE_REPLACED("enum-value-replaced"),
    /** A value whose type changed, converted without losing information ({@code 5} to {@code "5"}). */
    TYPE_CONVERTED("type-converted"),
    /** A value whose type changed and that has no lossless form in the new type: removed. */
    TYPE_NOT_CONVERTIBLE("type-not-convertible"),
    /** A value the target's schema rejects for another reason (format, pattern, bounds, a conditional): removed. */
    NOT_VALID_IN_TARGET("not-valid-in-target");

    private final String id;

    ChangeKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
