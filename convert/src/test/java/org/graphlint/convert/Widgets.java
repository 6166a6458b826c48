package org.graphlint.convert;

import java.util.List;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An "evolving widget": two versions of one entity that differ in every way a conversion handles, in the shapes the
 * schema builder emits ($defs, nullable type arrays, enums with null, the @odata annotation pattern): a property
 * removed, one added, an enum value removed and one added, an integer that became a string, a string that became a
 * collection, a nested type losing a property, a string gaining a date-time format, a boolean that became a string.
 */
final class Widgets {
    private Widgets() {
    }

    static final String A = """
            {"type":"object","properties":{
              "@odata.type":{"type":"string","pattern":"^#?[Mm]icrosoft\\\\.[Gg]raph\\\\.widget$"},
              "name":{"type":["string","null"]},
              "legacy":{"type":["string","null"]},
              "size":{"type":["integer","null"],"minimum":-2147483648,"maximum":2147483647},
              "tag":{"type":["string","null"]},
              "kind":{"type":["string","null"],"enum":["small","large","retired",null]},
              "when":{"type":["string","null"]},
              "flag":{"type":["boolean","null"]},
              "parts":{"type":"array","items":{"$ref":"#/$defs/part"}}},
             "patternProperties":{"^[A-Za-z0-9_.]*@(odata|microsoft\\\\.graph)\\\\.[A-Za-z]+$":{}},
             "additionalProperties":false,
             "$defs":{"part":{"type":"object","properties":{
               "label":{"type":["string","null"]},"weight":{"type":["number","null"]},"old":{"type":["boolean","null"]}},
               "additionalProperties":false}}}
            """;

    static final String B = """
            {"type":"object","properties":{
              "@odata.type":{"type":"string","pattern":"^#?[Mm]icrosoft\\\\.[Gg]raph\\\\.widget$"},
              "name":{"type":["string","null"]},
              "size":{"type":["string","null"]},
              "tag":{"type":"array","items":{"type":"string"}},
              "kind":{"type":["string","null"],"enum":["small","large","huge",null]},
              "when":{"type":["string","null"],"format":"date-time"},
              "flag":{"type":["string","null"]},
              "added":{"type":["integer","null"]},
              "parts":{"type":"array","items":{"$ref":"#/$defs/part"}}},
             "patternProperties":{"^[A-Za-z0-9_.]*@(odata|microsoft\\\\.graph)\\\\.[A-Za-z]+$":{}},
             "additionalProperties":false,
             "$defs":{"part":{"type":"object","properties":{
               "label":{"type":["string","null"]},"weight":{"type":["number","null"]}},
               "additionalProperties":false}}}
            """;

    static final Catalog CATALOG = Catalog.of("beta",
            List.of(version(A, "2020-01-01"), version(B, "2021-01-01")), List.of(), Map.of());

    private static SchemaVersion version(String schema, String id) {
        JsonNode s = JsonMapper.builder().build().readTree(schema);
        return new SchemaVersion("widget", OperationKind.CREATE, id, s, List.of(), List.of());
    }
}
