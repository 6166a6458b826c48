package org.graphlint.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import org.junit.jupiter.api.AssertionFailureBuilder;

/**
 * JUnit 5 assertions over graphlint's validator: a test states which Graph entity, operation and doc version a payload
 * is for, and a failure's message is graphlint's findings, one per line with line:column, pointer, rule and message.
 *
 * <pre>{@code
 * import static org.graphlint.testkit.GraphlintAssertions.assertValid;
 * import static org.graphlint.schema.OperationKind.CREATE;
 *
 * assertValid(client.requestBody(), "vppToken", CREATE, "2021-06-01");
 * }</pre>
 *
 * The doc version is any selector {@code graphlint validate --doc-version} takes: a version id, an ISO date (the
 * newest version not after it), a source commit or {@code latest}. Checks use the catalog embedded in the validator
 * unless a {@link PayloadValidator} is given.
 */
public final class GraphlintAssertions {
    private GraphlintAssertions() {
    }

    /** Fails, listing the findings, when {@code json} has an error finding for the entity, operation and doc version. */
    public static void assertValid(String json, String entity, OperationKind operation, String docVersion) {
        assertValid(PayloadValidator.embedded(), json, entity, operation, docVersion);
    }

    /** As {@link #assertValid(String, String, OperationKind, String)}, against another catalog's validator. */
    public static void assertValid(PayloadValidator validator, String json, String entity, OperationKind operation,
            String docVersion) {
        Target t = target(validator, entity, operation, docVersion);
        FileReport r = validator.validate(t, json);
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            AssertionFailureBuilder.assertionFailure()
                    .message("payload is not a valid " + t.label() + " body (" + errors.size()
                            + (errors.size() == 1 ? " error" : " errors") + "):\n" + describe(r.findings()))
                    .buildAndThrow();
        }
    }

    /**
     * Fails unless checking {@code json} gives a finding with this rule (e.g. {@code additionalProperties}) at this
     * JSON pointer (e.g. {@code /roleScopeTagIdz}); the message lists what was found instead.
     */
    public static void assertFinding(String json, String entity, OperationKind operation, String docVersion, String rule,
            String pointer) {
        Target t = target(PayloadValidator.embedded(), entity, operation, docVersion);
        FileReport r = PayloadValidator.embedded().validate(t, json);
        boolean found = r.findings().stream().anyMatch(f -> f.rule().equals(rule) && pointer.equals(f.pointer()));
        if (!found) {
            AssertionFailureBuilder.assertionFailure()
                    .message("expected a " + rule + " finding at " + pointer + " against " + t.label() + ", found "
                            + (r.findings().isEmpty() ? "none" : ":\n" + describe(r.findings())))
                    .buildAndThrow();
        }
    }

    private static Target target(PayloadValidator v, String entity, OperationKind operation, String docVersion) {
        try {
            return v.target(entity, operation, docVersion);
        } catch (IllegalArgumentException e) {
            // a wrong entity or version in the test itself: say so as an assertion, with graphlint's wording
            throw AssertionFailureBuilder.assertionFailure().message(e.getMessage()).build();
        }
    }

    /** One finding per line: {@code 3:5 error additionalProperties /tokenz: ...}. */
    static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> "  " + (f.line() > 0 ? f.line() + ":" + f.column() + " " : "") + f.severity().id() + " "
                        + f.rule() + (f.pointer() == null || f.pointer().isEmpty() ? "" : " " + f.pointer()) + ": "
                        + f.message())
                .collect(Collectors.joining("\n"));
    }
}
