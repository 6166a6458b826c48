package org.graphlint.validate.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Every rule a finding can carry, with a one-line description and its default SARIF level (used by SARIF and the
 * README). A finding's rule is one of these ids or, for schema keywords graphlint does not word itself, the networknt
 * keyword ({@code pattern}, {@code minLength}, ...), described generically.
 */
public enum Rules {
    ADDITIONAL_PROPERTIES("additionalProperties", "The body has a property the selected schema version does not document."),
    UNEVALUATED_PROPERTIES("unevaluatedProperties", "The body has a property the selected schema version does not document."),
    OPEN_TYPE_PROPERTY("open-type-property", "A property an open type does not document (the service accepts properties beyond an"
            + " open type's documented ones, such as an extension's custom data; a name close to a documented one stays an error).", Level.WARNING),
    ENUM("enum", "A value is not one of the values the selected schema version allows."),
    ENUM_CASE("enum-case", "A value equals an allowed value but for letter case (the service accepts it; write the documented spelling).",
            Level.WARNING),
    TYPE("type", "A value has the wrong JSON type."),
    FORMAT("format", "A string is not in the documented format (date-time, date, duration, uuid...)."),
    CONST("const", "A value must be exactly the documented constant (for example @odata.type)."),
    REQUIRED("required", "A required property is missing."),
    READ_ONLY("readOnly", "A read-only property (set by the service, such as id or an audit date) is sent in a create or update body; the service ignores the value.",
            Level.WARNING),
    FINDINGS_CAPPED("findings-capped", "The body has more findings than graphlint lists; the rest are counted."),
    SCHEMA_FAULT("schema-fault", "A schema of the catalog cannot be used (the catalog is at fault, not the body)."),
    HTTP_OPERATION("http-operation", "The request's method and path are not a documented operation."),
    HTTP_BODY("http-body", "The operation takes a JSON body and the request has none."),
    HTTP_BODY_FILE("http-body-file", "A body file named by a '< path' line cannot be read or is not valid."),
    HTTP_BODY_UNCHECKED("http-body-unchecked", "The request has a body graphlint has no schema to check against.", Level.WARNING),
    HTTP_CONTENT_TYPE("http-content-type", "A request with a JSON body must say Content-Type: application/json."),
    HTTP_CONTENT_LENGTH("http-content-length", "The declared Content-Length differs from the body's byte length.", Level.WARNING),
    HTTP_SYNTAX("http-syntax", "The .http file does not have the form: request line, headers, blank line, body."),
    HTTP_VARIABLE("http-variable", "A {{variable}} of the .http file has no value."),
    JSON_SYNTAX("json-syntax", "The body is not valid JSON."),
    DUPLICATE_PROPERTY("duplicate-property", "The body has the same property twice."),
    NESTING_DEPTH("nesting-depth", "The body nests deeper than graphlint reads."),
    JSON_LIMITS("json-limits", "The body exceeds a JSON reading limit."),
    ENCODING("encoding", "The fixture is not UTF-8."),
    BOM("bom", "The fixture starts with a byte-order mark.", Level.WARNING),
    EMPTY("empty", "The fixture has no body."),
    TOO_LARGE("too-large", "The fixture is larger than --max-size."),
    UNREADABLE("unreadable", "The fixture cannot be read."),
    AMBIGUOUS_TARGET("ambiguous-target", "graphlint cannot tell which entity or operation the body is for."),
    UNKNOWN_ENTITY("unknown-entity", "The entity has no schemas in the catalog."),
    UNKNOWN_OPERATION("unknown-operation", "The entity has no schema for the operation."),
    VERSION("version", "No schema version matches the version selector.");

    /** A SARIF {@code level}. */
    public enum Level {
        ERROR("error"), WARNING("warning"), NOTE("note");

        private final String sarif;

        Level(String sarif) {
            this.sarif = sarif;
        }

        /** The level as SARIF writes it. */
        public String sarif() {
            return sarif;
        }
    }

    private final String id;
    private final String description;
    private final Level level;

    Rules(String id, String description) {
        this(id, description, Level.ERROR);
    }

    Rules(String id, String description, Level level) {
        this.id = id;
        this.description = description;
        this.level = level;
    }

    /** The id findings carry ({@code Finding.rule()}). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The SARIF {@code defaultConfiguration.level}: the severity findings of this rule have unless said otherwise. */
    public Level level() {
        return level;
    }

    private static final Map<String, Rules> BY_ID = new HashMap<>();

    static {
        for (Rules r : values()) {
            BY_ID.put(r.id, r);
        }
    }

    /** The rule of an id, or null for a schema keyword graphlint does not word itself. */
    public static Rules of(String id) {
        return BY_ID.get(id);
    }

    /** The one-line description of a rule id (a schema keyword's generic one for ids not listed here). */
    public static String describe(String rule) {
        Rules r = of(rule);
        return r != null ? r.description : "JSON Schema keyword '" + rule + "' failed.";
    }

    /** The default SARIF level of a rule id ({@code error} for schema keywords not listed here). */
    public static Level levelOf(String rule) {
        Rules r = of(rule);
        return r != null ? r.level : Level.ERROR;
    }
}
