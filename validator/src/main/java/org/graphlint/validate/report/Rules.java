package org.graphlint.validate.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every rule a finding can carry, with a one-line description (used by SARIF and the README). */
public final class Rules {
    private Rules() {
    }

    public static final Map<String, String> DESCRIPTIONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("additionalProperties", "The body has a property the selected schema version does not document.");
        m.put("unevaluatedProperties", "The body has a property the selected schema version does not document.");
        m.put("enum", "A value is not one of the values the selected schema version allows.");
        m.put("enum-case", "A value equals an allowed value but for letter case (the service accepts it; write the documented spelling).");
        m.put("type", "A value has the wrong JSON type.");
        m.put("format", "A string is not in the documented format (date-time, date, duration, uuid...).");
        m.put("const", "A value must be exactly the documented constant (for example @odata.type).");
        m.put("required", "A required property is missing.");
        m.put("http-operation", "The request's method and path are not a documented operation.");
        m.put("http-body", "The operation takes a JSON body and the request has none.");
        m.put("http-content-type", "A request with a JSON body must say Content-Type: application/json.");
        m.put("http-content-length", "The declared Content-Length differs from the body's byte length.");
        m.put("http-syntax", "The .http file does not have the form: request line, headers, blank line, body.");
        m.put("json-syntax", "The body is not valid JSON.");
        m.put("duplicate-property", "The body has the same property twice.");
        m.put("nesting-depth", "The body nests deeper than graphlint reads.");
        m.put("json-limits", "The body exceeds a JSON reading limit.");
        m.put("encoding", "The fixture is not UTF-8.");
        m.put("bom", "The fixture starts with a byte-order mark.");
        m.put("empty", "The fixture has no body.");
        m.put("too-large", "The fixture is larger than --max-size.");
        m.put("unreadable", "The fixture cannot be read.");
        m.put("ambiguous-target", "graphlint cannot tell which entity or operation the body is for.");
        m.put("unknown-entity", "The entity has no schemas in the catalog.");
        m.put("unknown-operation", "The entity has no schema for the operation.");
        m.put("version", "No schema version matches the version selector.");
        DESCRIPTIONS = java.util.Collections.unmodifiableMap(m);
    }

    public static String describe(String rule) {
        return DESCRIPTIONS.getOrDefault(rule, "JSON Schema keyword '" + rule + "' failed.");
    }
}
