package org.graphlint.validate;

/**
 * One problem in one fixture.
 *
 * @param file      the fixture as named on the command line (or {@code <string>} for in-memory input)
 * @param request   1-based index of the request in a {@code .http} file; 0 for a JSON file
 * @param line      1-based line of the offending value (or of the property name, for an unknown property); 0 if unknown
 * @param column    1-based column, in UTF-16 code units; 0 if unknown
 * @param pointer   RFC 6901 JSON pointer into the body ({@code ""} is the whole body); null when the finding is not
 *                  about a value (a request line, a header, a file that is not JSON)
 * @param rule      the JSON Schema keyword ({@code additionalProperties}, {@code enum}, {@code type}, {@code format},
 *                  {@code required}, {@code const}...) or a graphlint rule ({@code json-syntax}, {@code http-operation}...)
 * @param severity  error or warning
 * @param category  schema, http or input (input findings make the command exit 2)
 * @param message   what is wrong and what to do about it, one line
 * @param target    the schema version the body was checked against; null when none was chosen
 */
public record Finding(
        String file, int request, int line, int column, String pointer, String rule, Severity severity,
        Category category, String message, Target target) {

    /** The same finding for another file name and request index. */
    public Finding in(String file, int request) {
        return new Finding(file, request, line, column, pointer, rule, severity, category, message, target);
    }

    /** The same finding moved down by {@code lines} lines (a body that starts further down a {@code .http} file). */
    public Finding shifted(int lines) {
        return lines == 0 || line == 0 ? this
                : new Finding(file, request, line + lines, column, pointer, rule, severity, category, message, target);
    }

    /** The same finding at another position. */
    public Finding at(int line, int column) {
        return new Finding(file, request, line, column, pointer, rule, severity, category, message, target);
    }
}
