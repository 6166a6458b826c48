package org.graphlint.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * networknt set up the way graphlint's schemas mean to be read: draft 2020-12 with format assertions on (in 2020-12
 * {@code format} is only an annotation unless the validator is told to assert it; graphlint's schemas rely on
 * {@code date-time}, {@code date} and {@code uuid} being checked).
 */
public final class Schemas {
    private static final SchemaRegistry REGISTRY = registry(true);
    private static volatile Schema metaSchema;

    private Schemas() {
    }

    /** The shared registry (thread-safe). */
    public static SchemaRegistry registry() {
        return REGISTRY;
    }

    private static SchemaRegistry registry(boolean preload) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).preloadSchema(preload).build()));
    }

    /** A compiled schema. */
    public static Schema compile(JsonNode schema) {
        return REGISTRY.getSchema(schema);
    }

    /** Validates a payload against a schema. */
    public static List<Error> validate(JsonNode schema, JsonNode payload) {
        return compile(schema).validate(payload);
    }

    /** Checks a schema against the draft 2020-12 meta-schema: empty when it is a valid 2020-12 schema. */
    public static List<Error> checkAgainstMetaSchema(JsonNode schema) {
        Schema m = metaSchema;
        if (m == null) {
            m = REGISTRY.getSchema(SchemaLocation.of(SchemaBuilder.DRAFT));
            metaSchema = m;
        }
        return m.validate(schema);
    }
}
