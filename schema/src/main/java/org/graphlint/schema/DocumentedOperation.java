package org.graphlint.schema;

/**
 * An HTTP operation the docs document, and the schema it takes:
 * {@code POST /deviceAppManagement/vppTokens} is vppToken CREATE,
 * {@code PATCH /deviceAppManagement/vppTokens/{vppTokenId}} is vppToken UPDATE.
 */
public record DocumentedOperation(String method, String pathTemplate, String entity, OperationKind operation) {
}
