package org.graphlint.parser;

import java.util.Set;

/** What a table holds, decided by its English header, or on plain pages by the section anchor and shape. */
enum TableKind {
    PROPERTY, MEMBER, PERMISSION, OTHER;

    private static final Set<String> PROPERTY_HEADERS = Set.of("property", "properties", "relationship", "relationships",
            // "Property name | Type | Description" on the OneDrive/SharePoint pages (listItem, driveItem, audio, ...)
            "property name", "relationship name",
            "свойство", "связь", "отношение", "имя свойства", "propriedade", "relação", "relacionamento",
            "nome da propriedade", "propiedad", "relación", "nombre de la propiedad", "プロパティ", "リレーションシップ");
    private static final Set<String> MEMBER_HEADERS = Set.of("member", "элемент", "член", "membro", "miembro", "メンバー");
    private static final Set<String> PROPERTY_SECTIONS = Set.of("properties", "request-body", "relationships");

    /**
     * @param englishHeader true when the header has English spans: then the header alone decides (a
     *                      {@code Value|Role|Description} table under "Properties" is not a property table); plain
     *                      pages, whose header is localized, fall back to the section anchor and the table's shape
     */
    static TableKind of(String firstHeader, boolean englishHeader, String anchor, String section, int cols) {
        return of(firstHeader, "", englishHeader, anchor, section, cols);
    }

    /** The same, knowing the second header: {@code Name | Type | Description} under Properties is a property table. */
    static TableKind of(String firstHeader, String secondHeader, boolean englishHeader, String anchor, String section, int cols) {
        String sec = section.toLowerCase(java.util.Locale.ROOT);
        if (PROPERTY_HEADERS.contains(firstHeader) && cols >= 2) {
            return PROPERTY;
        }
        if (englishHeader && firstHeader.equals("name") && secondHeader.equals("type") && cols >= 3
                && ("properties".equals(anchor) || "relationships".equals(anchor) || sec.equals("properties")
                        || sec.equals("relationships"))) {
            // historyItem, and other pages whose property table says "Name"
            return PROPERTY;
        }
        if (MEMBER_HEADERS.contains(firstHeader)) {
            // a one-column Member table lists the members of one enum of a shared page (enums.md)
            return MEMBER;
        }
        if (firstHeader.startsWith("permission type") || (cols == 2 && ("permissions".equals(anchor) || "prerequisites".equals(anchor)
                || sec.equals("permissions")))) {
            return PERMISSION;
        }
        if (englishHeader) {
            return OTHER;
        }
        if (cols >= 3 && (PROPERTY_SECTIONS.contains(anchor) || sec.equals("properties") || sec.equals("request body"))
                && !firstHeader.equals("name") && !firstHeader.equals("parameter")) {
            return PROPERTY;
        }
        if (cols >= 2 && ("members".equals(anchor) || sec.equals("members"))) {
            return MEMBER;
        }
        return OTHER;
    }
}
