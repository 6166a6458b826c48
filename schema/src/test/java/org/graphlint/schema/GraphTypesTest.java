package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.graphlint.schema.GraphTypes.Primitive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every Graph primitive: values it must accept and values it must reject, checked with networknt. */
class GraphTypesTest {

    static boolean valid(String type, String json) {
        Primitive p = GraphTypes.primitive(type).orElseThrow(() -> new AssertionError("not a primitive: " + type));
        var schema = Catalog.JSON.createObjectNode().put("$schema", SchemaBuilder.DRAFT);
        schema.setAll(GraphTypes.schema(p));
        assertEquals(List.of(), Schemas.checkAgainstMetaSchema(schema), type);
        JsonNode value = Catalog.JSON.readTree(json);
        return Schemas.validate(schema, value).isEmpty();
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', value = {
        "String|\"x\"", "Edm.String|\"\"", "Boolean|true", "bool|false",
        "Byte|0", "Byte|255", "SByte|-128", "Int16|-32768", "Int16|32767", "Int32|2147483647", "Int32|-2147483648",
        "Int64|9223372036854775807", "Int64|-9223372036854775808",
        "Single|1.5", "Double|-2e10", "Double|\"NaN\"", "Double|\"INF\"", "Single|\"-INF\"", "Double|3",
        "Decimal|12.50", "Decimal|\"12.50\"",
        "DateTimeOffset|\"2016-12-31T23:57:57.2481234-08:00\"", "DateTimeOffset|\"2021-03-23T00:00:00Z\"",
        "DateTimeOffset|\"2021-03-23T00:00:00.1Z\"",
        "Date|\"2021-03-23\"", "TimeOfDay|\"11:00:00\"", "TimeOfDay|\"11:00:00.0000000\"", "TimeOfDay|\"23:59\"",
        "Duration|\"PT1H\"", "Duration|\"P1D\"", "Duration|\"-P2DT3H4M5.5S\"", "Duration|\"PT0S\"", "Duration|\"P1Y2M\"",
        "Guid|\"9ceb2f92-2f92-9ceb-922f-eb9c922feb9c\"",
        "Binary|\"aGVsbG8=\"", "Binary|\"aGVsbG8\"", "Binary|\"\"", "Stream|\"SGk_LQ==\"",
        "Json|{\"a\":[1]}", "Json|\"x\"", "Json|null",
    })
    void accepts(String type, String json) {
        assertTrue(valid(type, json), type + " should accept " + json);
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @CsvSource(delimiter = '|', value = {
        "String|1", "Boolean|\"true\"", "Byte|256", "Byte|-1", "SByte|128", "Int16|32768", "Int32|2147483648",
        "Int32|1.5", "Int64|\"1\"", "Int64|9223372036854775808",
        "Double|\"1.5\"", "Double|\"nan\"", "Single|true", "Decimal|\"1,5\"", "Decimal|\"abc\"",
        "DateTimeOffset|\"2016-12-31T23:57:57.2481234\"", "DateTimeOffset|\"2016-12-31T23:57Z\"",
        "DateTimeOffset|\"2016-13-31T23:57:57Z\"", "DateTimeOffset|\"String (timestamp)\"", "DateTimeOffset|1",
        "Date|\"2021-02-30\"", "Date|\"03/23/2021\"", "TimeOfDay|\"25:00:00\"", "TimeOfDay|\"11:00:00Z\"",
        "Duration|\"P\"", "Duration|\"PT\"", "Duration|\"1 hour\"", "Duration|\"01:00:00\"",
        "Guid|\"Guid value\"", "Guid|\"9ceb2f92-2f92-9ceb-922f\"", "Binary|\"not base64!\"", "Binary|1",
    })
    void rejects(String type, String json) {
        assertFalse(valid(type, json), type + " should reject " + json);
    }

    @ParameterizedTest
    @CsvSource({"Edm.Int32,INT32", "int32,INT32", "DateTimeOffset,DATE_TIME_OFFSET", "microsoft.graph.Json,JSON",
        "timeOfDay,TIME_OF_DAY", "Guid,GUID"})
    void typeNamesAreCaseInsensitiveWithOrWithoutNamespace(String name, Primitive p) {
        assertEquals(p, GraphTypes.primitive(name).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void entityTypesAreNotPrimitives() {
        assertTrue(GraphTypes.primitive("vppTokenState").isEmpty());
        assertTrue(GraphTypes.primitive("vppTokenActionResult").isEmpty());
        assertTrue(GraphTypes.primitive(null).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void theMetaSchemaCheckCanFail() {
        JsonNode bad = Catalog.JSON.readTree("{\"type\":\"strng\",\"properties\":{\"a\":{\"minimum\":\"x\"}}}");
        var errors = Schemas.checkAgainstMetaSchema(bad);
        assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().equals("/type")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().equals("/properties/a/minimum")), errors.toString());
    }
}
