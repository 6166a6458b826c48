package org.graphlint.parser;

/** What a reference page documents. */
public enum PageKind {
    /** An API method page: an HTTP request section, usually a request body table and examples. */
    METHOD,
    /** An entity (resource) type page: a Properties table and a JSON representation. */
    RESOURCE,
    /** An enum type page: a Member|Value|Description table. */
    ENUM,
    /** A complex type page: properties but no key and no methods. */
    COMPLEX_TYPE,
    /** Anything else (overviews, concept pages). */
    OTHER;

    public String id() {
        return switch (this) {
            case METHOD -> "method";
            case RESOURCE -> "resource";
            case ENUM -> "enum";
            case COMPLEX_TYPE -> "complexType";
            case OTHER -> "other";
        };
    }
}
