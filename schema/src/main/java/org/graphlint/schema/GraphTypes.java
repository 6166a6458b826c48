package org.graphlint.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema for each Graph (OData EDM) primitive type the docs use. Type names are compared case-insensitively,
 * with or without the {@code Edm.} prefix; a few spellings the docs use (int, bool, datetime) are accepted too.
 */
public final class GraphTypes {

    /** RFC 3339 date-time with any number of fractional digits (Graph writes 7). networknt 3.0.6 and ajv-formats accept 7
     * digits with {@code format: date-time}, so schemas use the format; this pattern is for tools that do not. */
    public static final String DATE_TIME_PATTERN =
            "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$";
    /** OData TimeOfDay: hh:mm[:ss[.fffffff]]. */
    public static final String TIME_OF_DAY_PATTERN = "^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,12})?)?$";
    /** ISO 8601 duration as OData writes it: optional sign, days and time parts, fractional seconds. */
    public static final String DURATION_PATTERN =
            "^-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$";
    /** Base64 or base64url, padded or not. */
    public static final String BASE64_PATTERN = "^[A-Za-z0-9+/_-]*={0,2}$";
    /** A decimal written as a string (IEEE754Compatible=true). */
    public static final String DECIMAL_STRING_PATTERN = "^-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?$";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The primitive kinds. */
    public enum Primitive {
        STRING, BOOLEAN, BYTE, SBYTE, INT16, INT32, INT64, SINGLE, DOUBLE, DECIMAL, DATE_TIME_OFFSET, DATE, TIME_OF_DAY,
        DURATION, GUID, BINARY, STREAM, JSON, UNTYPED
    }

    private static final Map<String, Primitive> NAMES = Map.ofEntries(
            Map.entry("string", Primitive.STRING), Map.entry("str", Primitive.STRING),
            Map.entry("boolean", Primitive.BOOLEAN), Map.entry("bool", Primitive.BOOLEAN),
            Map.entry("byte", Primitive.BYTE), Map.entry("sbyte", Primitive.SBYTE),
            Map.entry("int16", Primitive.INT16), Map.entry("short", Primitive.INT16),
            Map.entry("int32", Primitive.INT32), Map.entry("int", Primitive.INT32), Map.entry("integer", Primitive.INT32),
            Map.entry("int64", Primitive.INT64), Map.entry("long", Primitive.INT64),
            Map.entry("single", Primitive.SINGLE), Map.entry("float", Primitive.SINGLE),
            Map.entry("double", Primitive.DOUBLE), Map.entry("number", Primitive.DOUBLE),
            Map.entry("decimal", Primitive.DECIMAL),
            Map.entry("datetimeoffset", Primitive.DATE_TIME_OFFSET), Map.entry("datetime", Primitive.DATE_TIME_OFFSET),
            // "Timestamp" in the OneDrive pages' tables (remoteItem.createdDateTime): the docs' name for DateTimeOffset
            Map.entry("timestamp", Primitive.DATE_TIME_OFFSET),
            Map.entry("date", Primitive.DATE),
            Map.entry("timeofday", Primitive.TIME_OF_DAY), Map.entry("time", Primitive.TIME_OF_DAY),
            Map.entry("duration", Primitive.DURATION), Map.entry("timespan", Primitive.DURATION),
            Map.entry("guid", Primitive.GUID), Map.entry("uuid", Primitive.GUID),
            Map.entry("binary", Primitive.BINARY), Map.entry("base64", Primitive.BINARY),
            Map.entry("stream", Primitive.STREAM),
            Map.entry("json", Primitive.JSON), Map.entry("object", Primitive.JSON),
            Map.entry("untyped", Primitive.UNTYPED), Map.entry("any", Primitive.UNTYPED));

    private GraphTypes() {
    }

    /** The primitive a docs type name denotes, if it is one ({@code Edm.Int32}, {@code Int32}, {@code int32}). */
    public static Optional<Primitive> primitive(String typeName) {
        if (typeName == null) {
            return Optional.empty();
        }
        String t = typeName.strip();
        if (t.regionMatches(true, 0, "Edm.", 0, 4)) {
            t = t.substring(4);
        } else if (t.regionMatches(true, 0, "microsoft.graph.", 0, 16)) {
            t = t.substring(16);
        }
        return Optional.ofNullable(NAMES.get(t.toLowerCase(Locale.ROOT)));
    }

    /** The schema of a primitive (without null). */
    public static ObjectNode schema(Primitive p) {
        ObjectNode s = F.objectNode();
        switch (p) {
            case STRING -> s.put("type", "string");
            case BOOLEAN -> s.put("type", "boolean");
            case BYTE -> integer(s, 0, 255);
            case SBYTE -> integer(s, -128, 127);
            case INT16 -> integer(s, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integer(s, Long.MIN_VALUE, Long.MAX_VALUE);
            // A number, or a string only as one of the OData special values (Single, Double) or a decimal numeral
            // (Decimal). Written as if/then/else, not as a union type: ajv's strict mode refuses a union of two
            // non-null types, and a wrong value reports only the branch it fails ("expected number").
            case SINGLE, DOUBLE -> {
                s.putObject("if").put("type", "string");
                s.putObject("then").putArray("enum").add("NaN").add("INF").add("-INF");
                s.putObject("else").put("type", "number");
            }
            case DECIMAL -> {
                s.putObject("if").put("type", "string");
                s.putObject("then").put("type", "string").put("pattern", DECIMAL_STRING_PATTERN); // "type" for ajv's strictTypes
                s.putObject("else").put("type", "number");
            }
            case DATE_TIME_OFFSET -> s.put("type", "string").put("format", "date-time");
            case DATE -> s.put("type", "string").put("format", "date");
            case TIME_OF_DAY -> s.put("type", "string").put("pattern", TIME_OF_DAY_PATTERN);
            case DURATION -> s.put("type", "string").put("pattern", DURATION_PATTERN);
            case GUID -> s.put("type", "string").put("format", "uuid");
            case BINARY, STREAM -> s.put("type", "string").put("contentEncoding", "base64").put("pattern", BASE64_PATTERN);
            case JSON, UNTYPED -> { /* any JSON value */ }
            default -> throw new AssertionError(p);
        }
        return s;
    }

    private static void integer(ObjectNode s, long min, long max) {
        s.put("type", "integer").put("minimum", min).put("maximum", max);
    }
}
