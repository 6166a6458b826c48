package org.graphlint.parser;

import java.util.List;

/** What kind of page a page is: decided once, when it is parsed, for every consumer. */
final class PageKinds {
    private PageKinds() {
    }

    /**
     * A page's kind, decided here once for every consumer: the doc_type (or, without one, what the page contains)
     * says method, enum, resource or complex type; a type page is then judged by its type rows (the Properties table,
     * else the first table unless it is Relationships): none but enum members make it an enum page, and an enum-typed
     * page with type rows is a resource (with an {@code id} row) or a complex type.
     */
    static PageKind of(String docType, boolean hasMethodsSection, boolean hasOperations, List<PropertyRow> properties,
            boolean hasMembers) {
        PageKind k = declared(docType, hasMethodsSection, hasOperations, properties, hasMembers);
        if (k == PageKind.METHOD || k == PageKind.OTHER) {
            return k;
        }
        List<PropertyRow> rows = PageModel.typeRows(properties);
        if (rows.isEmpty()) {
            return hasMembers ? PageKind.ENUM : k;
        }
        if (k == PageKind.RESOURCE || k == PageKind.COMPLEX_TYPE) {
            return k;
        }
        return rows.stream().anyMatch(r -> "id".equals(r.name())) ? PageKind.RESOURCE : PageKind.COMPLEX_TYPE;
    }

    /** What the doc_type says when present; without it, what the page contains. */
    private static PageKind declared(String docType, boolean hasMethodsSection, boolean hasOperations,
            List<PropertyRow> properties, boolean hasMembers) {
        boolean hasKey = properties.stream().anyMatch(p -> p.name().equals("id"));
        PageKind typePage = hasMethodsSection || hasKey ? PageKind.RESOURCE : PageKind.COMPLEX_TYPE;
        if (docType.equalsIgnoreCase("apiPageType")) {
            return PageKind.METHOD;
        }
        if (docType.equalsIgnoreCase("enumPageType")) {
            return PageKind.ENUM;
        }
        if (docType.equalsIgnoreCase("resourcePageType")) {
            // resource pages may hold Member|Description tables that define a property's values
            return properties.isEmpty() && hasMembers ? PageKind.ENUM : typePage;
        }
        if (hasOperations) {
            return PageKind.METHOD;
        }
        if (!properties.isEmpty()) {
            return typePage;
        }
        return hasMembers ? PageKind.ENUM : PageKind.OTHER;
    }
}
