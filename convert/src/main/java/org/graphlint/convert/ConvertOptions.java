package org.graphlint.convert;

import org.graphlint.schema.OperationKind;
import org.graphlint.validate.ValidateOptions;

/**
 * What to convert to and from, and how each body's schema is chosen.
 *
 * @param to        selector of the target version: an id, an ISO date, a source commit or {@code latest}
 * @param from      selector of the source version; null: the newest version the body is valid against
 * @param entity    force the entity (else as validate routes: request line, {@code @odata.type})
 * @param operation force the operation
 * @param maxBytes  larger fixtures are not read
 */
public record ConvertOptions(String to, String from, String entity, OperationKind operation, long maxBytes) {

    public ConvertOptions {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a target version selector is required (--to)");
        }
        if (from != null && from.isBlank()) {
            from = null;
        }
        if (maxBytes <= 0) {
            maxBytes = ValidateOptions.DEFAULT_MAX_BYTES;
        }
    }

    public static ConvertOptions to(String selector) {
        return new ConvertOptions(selector, null, null, null, 0);
    }

    public ConvertOptions from(String selector) {
        return new ConvertOptions(to, selector, entity, operation, maxBytes);
    }

    public ConvertOptions withEntity(String e) {
        return new ConvertOptions(to, from, e, operation, maxBytes);
    }

    public ConvertOptions withOperation(OperationKind op) {
        return new ConvertOptions(to, from, entity, op, maxBytes);
    }

    public ConvertOptions withMaxBytes(long max) {
        return new ConvertOptions(to, from, entity, operation, max);
    }

    ValidateOptions routing(String selector) {
        return new ValidateOptions(entity, operation, selector, maxBytes);
    }
}
