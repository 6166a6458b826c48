package org.graphlint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** The exported document read back by swagger-parser (a maintained OpenAPI 3.1 parser): no message, every operation. */
class OpenApiExporterTest {

    @ParameterizedTest
    @CsvSource({"beta,latest", "beta,2018-12-18", "beta,2020-04-14", "v1.0,latest"})
    void swaggerParserReadsTheDocumentWithoutAnyMessage(String api, String selector) {
        Catalog cat = Catalog.embedded().forApiVersion(api);
        ObjectNode doc = OpenApiExporter.export(cat, selector);
        String text = OpenApiExporter.toJson(doc);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult r = new OpenAPIV3Parser().readContents(text, null, options);
        assertEquals(List.of(), r.getMessages() == null ? List.of() : r.getMessages(), text);
        OpenAPI o = r.getOpenAPI();
        assertNotNull(o);
        assertEquals(SpecVersion.V31, o.getSpecVersion());
        assertEquals("3.1.0", o.getOpenapi());
        int bodies = 0;
        for (DocumentedOperation d : cat.operations()) {
            PathItem item = o.getPaths().get(OpenApiExporter.openApiPath(d.pathTemplate()));
            assertNotNull(item, d.pathTemplate());
            Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(d.method()));
            assertNotNull(op, d.method() + " " + d.pathTemplate());
            long params = d.pathTemplate().chars().filter(c -> c == '{').count();
            assertEquals(params, op.getParameters() == null ? 0 : op.getParameters().size());
            // With all of Graph, two pages may document one method and path (the first is kept), and some documented
            // operations name an entity with no schema: check the body of every kept create or update that has one.
            String component = OpenApiExporter.componentName(d.entity(), d.operation());
            boolean kept = op.getOperationId() != null && op.getOperationId().startsWith(d.entity() + "." + d.operation().id());
            if (kept && (d.operation() == org.graphlint.schema.OperationKind.CREATE
                    || d.operation() == org.graphlint.schema.OperationKind.UPDATE)
                    && o.getComponents().getSchemas().containsKey(component)) {
                String ref = op.getRequestBody().getContent().get("application/json").getSchema().get$ref();
                assertEquals("#/components/schemas/" + component, ref);
                bodies++;
            }
        }
        assertTrue(bodies > 0, "no create or update body was checked");
        String vpp = o.getPaths().get("/deviceAppManagement/vppTokens").getPost().getRequestBody().getContent()
                .get("application/json").getSchema().get$ref();
        assertEquals("#/components/schemas/" + OpenApiExporter.componentName("vppToken", org.graphlint.schema.OperationKind.CREATE), vpp);
        assertTrue(OpenApiExporter.isOurs(text));
        assertTrue(!text.contains("#/$defs/"), "a reference still points into a schema's own $defs");
    }

    /** The check above can fail: the same parser reports a document broken the way an exporter bug would break it. */
    @org.junit.jupiter.api.Test
    void theParserReportsABrokenDocument() {
        ObjectNode doc = OpenApiExporter.export(Catalog.embedded().forApiVersion("beta"), "latest");
        ((ObjectNode) doc.at("/paths/~1deviceAppManagement~1vppTokens/post")).remove("responses");
        ((ObjectNode) doc.at("/paths/~1deviceAppManagement~1vppTokens/post")).put("parameters", "not a list");
        SwaggerParseResult r = new OpenAPIV3Parser().readContents(OpenApiExporter.toJson(doc), null, new ParseOptions());
        assertTrue(r.getMessages() != null && !r.getMessages().isEmpty(), "no message for a broken document");
    }

    @ParameterizedTest
    @CsvSource({"2018-12-18,false", "latest,true"})
    void theDocVersionDecidesTheSchemas(String selector, boolean hasRoleScopeTagIds) {
        String text = OpenApiExporter.toJson(OpenApiExporter.export(Catalog.embedded().forApiVersion("beta"), selector));
        assertEquals(hasRoleScopeTagIds, text.contains("roleScopeTagIds"));
    }

    @org.junit.jupiter.api.Test
    void aRepeatedPathParameterIsNumberedFromItsSecondUse() {
        assertEquals("/users/{id}/owners/{id2}/$ref", OpenApiExporter.openApiPath("/users/{id}/owners/{id}/$ref"));
        assertEquals("/a/{x}/b/{y}", OpenApiExporter.openApiPath("/a/{x}/b/{y}"));
    }
}
