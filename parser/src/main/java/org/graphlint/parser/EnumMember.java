package org.graphlint.parser;

/** One row of an enum page's {@code Member|Value|Description} table; {@code value} is null when the cell is not an integer. */
public record EnumMember(String name, Integer value, String description, int line) {
}
