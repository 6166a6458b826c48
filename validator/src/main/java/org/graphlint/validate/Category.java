package org.graphlint.validate;

/**
 * Where a finding comes from. {@link #INPUT} findings mean the fixture could not be checked at all (not JSON, not
 * UTF-8, too large, too deep, no schema could be chosen for it): the command exits 2 when there is one, after
 * reporting every fixture.
 */
public enum Category {
    /** The body breaks the selected schema version (additionalProperties, enum, type, format...). */
    SCHEMA,
    /** The request around the body: operation, Content-Type, Content-Length. */
    HTTP,
    /** The fixture could not be read, parsed or matched to a schema. */
    INPUT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
