package org.graphlint.parser;

import java.util.List;
import java.util.Set;

/** What a table holds, decided by its English header, or on plain pages by the section anchor and shape. */
enum TableKind {
    PROPERTY, MEMBER, PERMISSION, OTHER;

    private static final Set<String> PROPERTY_HEADERS = Set.of("property", "properties", "relationship", "relationships",
            "свойство", "связь", "отношение", "propriedade", "relação", "relacionamento", "propiedad", "relación",
            "プロパティ", "リレーションシップ");
    private static final Set<String> MEMBER_HEADERS = Set.of("member", "элемент", "член", "membro", "miembro", "メンバー");
    private static final Set<String> PROPERTY_SECTIONS = Set.of("properties", "request-body", "relationships");

    static TableKind of(String firstHeader, List<String> headers, String anchor, String section, int cols) {
        String sec = section.toLowerCase(java.util.Locale.ROOT);
        if (PROPERTY_HEADERS.contains(firstHeader) && cols >= 2) {
            return PROPERTY;
        }
        if (MEMBER_HEADERS.contains(firstHeader) && cols >= 2) {
            return MEMBER;
        }
        if (firstHeader.startsWith("permission type") || (cols == 2 && ("permissions".equals(anchor) || "prerequisites".equals(anchor)
                || sec.equals("permissions")))) {
            return PERMISSION;
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
