package org.graphlint.parser;

import java.util.List;

/**
 * One row of a {@code Property|Type|Description} table.
 *
 * @param name          the English identifier ({@code token}); when {@code nameSource} is UNRESOLVED the visible text
 * @param localizedName the visible (localized) text of the name cell ({@code токен})
 * @param nameSource    how {@code name} was found
 * @param type          the English type name without "collection" ({@code String}, {@code vppTokenState})
 * @param typeSource    how {@code type} was found
 * @param collection    true for {@code X collection}
 * @param typeLink      the linked type page as written ({@code ../resources/intune-onboarding-vpptokenstate.md}), or null
 * @param description   the English description (sxs) or the visible one (plain), markdown stripped to text
 * @param enumValues    the union, in first-seen order, of every "Possible values are: …" list in the description
 * @param section       the English heading the table stands under ({@code Request body}, {@code Properties},
 *                      {@code Relationships}), or the localized one where no English is known
 * @param line          1-based line of the row in the source file
 */
public record PropertyRow(
        String name,
        String localizedName,
        NameSource nameSource,
        String type,
        TypeSource typeSource,
        boolean collection,
        String typeLink,
        String description,
        List<String> enumValues,
        String section,
        int line) {
    public PropertyRow {
        enumValues = List.copyOf(enumValues);
    }
}
