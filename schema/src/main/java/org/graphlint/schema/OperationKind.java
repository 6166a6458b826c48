package org.graphlint.schema;

import java.util.Locale;

/** Which payload a schema describes: the POST body, the PATCH body, or the entity as the service returns it. */
public enum OperationKind {
    /** The POST body that creates the entity. */
    CREATE,
    /** The PATCH body that updates the entity: no property is required. */
    UPDATE,
    /** The entity as the service returns it (resource pages and response examples). */
    RESOURCE,
    /**
     * The POST body of an action or function ({@code sendMail}: {@code message}, {@code saveToSentItems}), from the
     * "Request body" parameter table of its page; the schema's entity is the action's name as the catalog files it.
     */
    ACTION;

    /** The lower-case id used on the command line and in file names: {@code create}, {@code update}, {@code resource}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for an id (case-insensitive); throws {@link IllegalArgumentException} with a one-line message otherwise. */
    public static OperationKind fromId(String s) {
        if (s != null) {
            for (OperationKind k : values()) {
                if (k.id().equalsIgnoreCase(s.strip())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown operation '" + s + "': use create, update, resource or action");
    }
}
