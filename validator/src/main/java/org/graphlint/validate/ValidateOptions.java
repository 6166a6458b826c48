package org.graphlint.validate;

import java.nio.file.Path;
import java.util.Map;
import org.graphlint.schema.OperationKind;

/**
 * How a fixture's schema is chosen, and input limits.
 *
 * @param entity    force the entity (else: from the .http operation, then {@code @odata.type})
 * @param operation force the operation (else: from the .http operation)
 * @param selector  version selector: a version id, an ISO date, a source commit or {@code latest}
 * @param maxBytes  larger fixtures are reported ({@code too-large}) and not read
 * @param variables {@code .http} variables given from outside the file ({@code --var name=value}); they win over
 *                  the file's own {@code @name = value} lines (see {@link HttpVariables})
 * @param bodyRoot  the folder a {@code .http} file's {@code < body} files must resolve inside (null: the .http file's
 *                  own folder); the command line passes the folder it was given
 * @param allowOutside read {@code < body} files wherever they resolve
 */
public record ValidateOptions(String entity, OperationKind operation, String selector, long maxBytes,
        Map<String, String> variables, Path bodyRoot, boolean allowOutside) {

    /** 16 MiB: far above any Graph request body (Graph itself caps most bodies at 4 MB). */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    public ValidateOptions {
        if (selector == null || selector.isBlank()) {
            selector = "latest";
        }
        if (maxBytes <= 0) {
            maxBytes = DEFAULT_MAX_BYTES;
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** Without variables from outside the files; body files inside the .http file's own folder. */
    public ValidateOptions(String entity, OperationKind operation, String selector, long maxBytes) {
        this(entity, operation, selector, maxBytes, Map.of(), null, false);
    }

    /** Latest version, schema chosen from each fixture. */
    public static ValidateOptions defaults() {
        return new ValidateOptions(null, null, "latest", DEFAULT_MAX_BYTES);
    }

    public ValidateOptions withVersion(String sel) {
        return new ValidateOptions(entity, operation, sel, maxBytes, variables, bodyRoot, allowOutside);
    }

    public ValidateOptions withEntity(String e) {
        return new ValidateOptions(e, operation, selector, maxBytes, variables, bodyRoot, allowOutside);
    }

    public ValidateOptions withOperation(OperationKind op) {
        return new ValidateOptions(entity, op, selector, maxBytes, variables, bodyRoot, allowOutside);
    }

    public ValidateOptions withVariables(Map<String, String> vars) {
        return new ValidateOptions(entity, operation, selector, maxBytes, vars, bodyRoot, allowOutside);
    }

    /** The folder {@code < body} files must resolve inside (see {@link #bodyRoot}). */
    public ValidateOptions withBodyRoot(Path root) {
        return new ValidateOptions(entity, operation, selector, maxBytes, variables, root, allowOutside);
    }

    /** Whether {@code < body} files may resolve outside the body root. */
    public ValidateOptions withAllowOutside(boolean allow) {
        return new ValidateOptions(entity, operation, selector, maxBytes, variables, bodyRoot, allow);
    }
}
