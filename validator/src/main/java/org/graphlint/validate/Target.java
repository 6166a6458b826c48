package org.graphlint.validate;

import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;

/**
 * A schema version picked for validation, and the selector that picked it ({@code latest}, an ISO date, a version id
 * or a source commit), so that messages can say "you selected 2020-04-14".
 *
 * @param apiVersion the Graph API version of the catalog it came from ({@code beta}, {@code v1.0})
 */
public record Target(SchemaVersion version, String selector, String apiVersion) {

    public String entity() {
        return version.entity();
    }

    public OperationKind operation() {
        return version.operation();
    }

    /** The schema version id ({@code 2019-07-31}). */
    public String versionId() {
        return version.id();
    }

    /** "vppToken create 2019-07-31". */
    public String label() {
        return entity() + " " + operation().id() + " " + versionId();
    }

    /** How the selection reads in a message: "2020-04-14 (schema version 2019-07-31)" or "latest (2021-03-23)". */
    public String selectedText() {
        if (selector == null || selector.equals(versionId())) {
            return versionId();
        }
        if (selector.equalsIgnoreCase("latest")) {
            return "latest (" + versionId() + ")";
        }
        return selector + " (schema version " + versionId() + ")";
    }
}
