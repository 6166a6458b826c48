package org.graphlint.lint;

import java.util.Map;
import java.util.Optional;

/**
 * Every rule {@code graphlint lint} applies: a stable id (used in reports, baselines and {@code --rule}), what it finds
 * and its default level. The parser's own diagnostics are rules too, under the parser's codes.
 */
public enum LintRule {
    // ---- identifiers rewritten by translation
    TRANSLATED_IDENTIFIER("translated-identifier", Group.TRANSLATION, Level.ERROR,
            "sxs page: a property, type or enum member cell or a code span whose visible (localized) identifier differs"
                    + " from its English span"),
    EXAMPLE_KEY_TRANSLATED("example-key-translated", Group.TRANSLATION, Level.ERROR,
            "a JSON example key that is not an identifier of the documented type: translated, mis-cased or not ASCII"),
    // ---- table vs example
    EXAMPLE_PROPERTY_UNDOCUMENTED("example-property-undocumented", Group.TABLE_VS_EXAMPLE, Level.ERROR,
            "a request example uses a property no table of the page (or of its type's page) documents"),
    EXAMPLE_WRONG_TYPE("example-wrong-type", Group.TABLE_VS_EXAMPLE, Level.ERROR,
            "an example value has the wrong JSON type for the documented type"),
    EXAMPLE_ENUM_VALUE("example-enum-value", Group.TABLE_VS_EXAMPLE, Level.ERROR,
            "an example enum value is outside the documented list or differs in case from it"),
    EXAMPLE_VALUE_FORMAT("example-value-format", Group.TABLE_VS_EXAMPLE, Level.WARNING,
            "an example value does not have the documented type's syntax (date-time, GUID, range...)"),
    EXAMPLE_MISSING_REQUIRED("example-missing-required", Group.TABLE_VS_EXAMPLE, Level.WARNING,
            "a request example omits a property the table marks Required"),
    // ---- the parser's diagnostics
    UNREADABLE_PAGE("unreadable-page", Group.PARSER, Level.ERROR,
            "the page cannot be read at all (missing, binary, too large, not a regular file)"),
    INVALID_UTF8("invalid-utf8", Group.PARSER, Level.ERROR, "the page is not valid UTF-8"),
    EMPTY_PAGE("empty-page", Group.PARSER, Level.ERROR, "the page is empty"),
    FENCE_UNCLOSED("fence-unclosed", Group.PARSER, Level.ERROR, "a code fence is never closed"),
    FRONT_MATTER_UNCLOSED("front-matter-unclosed", Group.PARSER, Level.ERROR, "the front matter is never closed"),
    BROKEN_SPAN("broken-span", Group.PARSER, Level.WARNING, "an sxs span pair is cut or malformed"),
    NAME_UNRESOLVED("name-unresolved", Group.PARSER, Level.WARNING,
            "a plain page's property name could not be recovered in English"),
    TYPE_UNRESOLVED("type-unresolved", Group.PARSER, Level.WARNING, "a property's type could not be recovered in English"),
    MEMBER_NAME_UNRESOLVED("member-name-unresolved", Group.PARSER, Level.WARNING,
            "an enum member's name is translated and cannot be recovered"),
    ENUM_LISTS_DISAGREE("enum-lists-disagree", Group.PARSER, Level.WARNING,
            "a description lists its possible values twice, differently"),
    CONTENT_LENGTH_MISMATCH("content-length-mismatch", Group.PARSER, Level.WARNING,
            "an example's Content-length header does not match its body"),
    TABLE_ROW_SHORT("table-row-short", Group.PARSER, Level.WARNING, "a table row has fewer cells than its header"),
    TABLE_ROW_LONG("table-row-long", Group.PARSER, Level.WARNING, "a table row has more cells than its header"),
    EXAMPLE_BODY_NOT_JSON("example-body-not-json", Group.PARSER, Level.WARNING, "an example body is not valid JSON"),
    EXAMPLE_BAD_STATUS("example-bad-status", Group.PARSER, Level.WARNING, "a response example's status line is unreadable"),
    ENUM_VALUE_NOT_INTEGER("enum-value-not-integer", Group.PARSER, Level.WARNING, "an enum member's value is not an integer"),
    PROPERTY_NAME_EMPTY("property-name-empty", Group.PARSER, Level.WARNING, "a property row has no name"),
    BAD_LASTHANDOFF("bad-lasthandoff", Group.PARSER, Level.WARNING, "ms.lasthandoff is missing or not a date"),
    NO_FRONT_MATTER("no-front-matter", Group.PARSER, Level.WARNING, "the page has no front matter"),
    FRONT_MATTER_LINE("front-matter-line", Group.PARSER, Level.WARNING, "a front-matter line is not 'key: value'"),
    COMMENT_UNCLOSED("comment-unclosed", Group.PARSER, Level.WARNING, "an HTML comment is never closed"),
    BOM("bom", Group.PARSER, Level.NOTE, "the page starts with a byte-order mark"),
    DEPRECATED_PROPERTY("deprecated-property", Group.PARSER, Level.NOTE, "a property is documented as deprecated"),
    EXAMPLE_EMPTY("example-empty", Group.PARSER, Level.NOTE, "an example block is empty"),
    EXAMPLE_UNRECOGNIZED("example-unrecognized", Group.PARSER, Level.NOTE, "an example block is neither request nor response"),
    NAME_NOT_IDENTIFIER("name-not-identifier", Group.PARSER, Level.NOTE, "a property name is not an identifier"),
    TABLE_ROW_CONTINUED("table-row-continued", Group.PARSER, Level.NOTE, "a table row continues on the next line"),
    PARSER_OTHER("parser-other", Group.PARSER, Level.WARNING, "any other parser diagnostic (its code is in the message)"),
    // ---- locales
    LOCALE_LAG("locale-lag", Group.LOCALES, Level.WARNING,
            "the page translates an older English source than the same page in another locale"),
    LOCALE_LAG_SCHEMA("locale-lag-schema", Group.LOCALES, Level.ERROR,
            "the lag changes the schema: properties or enum values another locale's page documents are missing or differ"),
    // ---- docs vs service metadata
    SERVICE_UNDOCUMENTED("service-undocumented", Group.SERVICE, Level.WARNING,
            "the service metadata declares a property or enum member of the type that its page does not document"),
    DOCUMENTED_NOT_IN_SERVICE("documented-not-in-service", Group.SERVICE, Level.WARNING,
            "the page documents a property or enum member the service metadata does not declare for the type");

    /** What a rule is about (the sections of the rule list). */
    public enum Group {
        TRANSLATION("identifiers rewritten by translation"),
        TABLE_VS_EXAMPLE("table vs example"),
        PARSER("parser diagnostics"),
        LOCALES("locale lag"),
        SERVICE("docs vs service");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final String id;
    private final Group group;
    private final Level defaultLevel;
    private final String description;

    LintRule(String id, Group group, Level defaultLevel, String description) {
        this.id = id;
        this.group = group;
        this.defaultLevel = defaultLevel;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Group group() {
        return group;
    }

    public Level defaultLevel() {
        return defaultLevel;
    }

    public String description() {
        return description;
    }

    private static final Map<String, LintRule> BY_ID;

    static {
        Map<String, LintRule> m = new java.util.HashMap<>();
        for (LintRule r : values()) {
            m.put(r.id, r);
        }
        BY_ID = Map.copyOf(m);
    }

    /** The rule with this id, if any. */
    public static Optional<LintRule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The rule for a parser diagnostic code ({@link #PARSER_OTHER} for a code this module does not know). */
    static LintRule forDiagnostic(String code) {
        LintRule r = BY_ID.get(code);
        return r != null && r.group == Group.PARSER && r != UNREADABLE_PAGE ? r : PARSER_OTHER;
    }
}
