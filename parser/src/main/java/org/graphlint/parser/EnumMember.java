package org.graphlint.parser;

/**
 * One row of an enum page's {@code Member|Value|Description} table.
 *
 * @param name        the English member name; when {@code nameSource} is UNRESOLVED the visible (translated) text
 * @param value       the integer value, or null when the cell is not an integer
 * @param description English (sxs) or visible (plain) description
 * @param line        1-based line of the row
 * @param nameSource  SXS from the English span; VERBATIM when a plain cell is an identifier; UNRESOLVED otherwise
 * @param group       the anchor of the heading the member's table stands under ({@code channelmembershiptype-values} on
 *                    {@code enums.md}, which holds many enums), lower case, or "" where there is none
 */
public record EnumMember(String name, Integer value, String description, int line, NameSource nameSource, String group) {
    public EnumMember(String name, Integer value, String description, int line) {
        this(name, value, description, line, NameSource.SXS, "");
    }

    public EnumMember(String name, Integer value, String description, int line, NameSource nameSource) {
        this(name, value, description, line, nameSource, "");
    }

    public EnumMember {
        group = group == null ? "" : group;
    }
}
