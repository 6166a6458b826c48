package org.graphlint.schema;


/**
 * An HTTP operation the docs document, and the schema it takes:
 * {@code POST /deviceAppManagement/vppTokens} is vppToken CREATE,
 * {@code PATCH /deviceAppManagement/vppTokens/{vppTokenId}} is vppToken UPDATE.
 */
public record DocumentedOperation(String method, String pathTemplate, String entity, OperationKind operation) {

    /**
     * The path of a request URL as written in docs or {@code .http} files, comparable with {@link #pathTemplate()}:
     * no trailing {@code HTTP/1.1}, query, scheme and host, leading {@code {{variable}}}, API version prefix
     * ({@code /beta}, {@code /v1.0}) or trailing slash. {@code https://graph.microsoft.com/beta/me/?$top=1} is
     * {@code /me}.
     */
    public static String requestPath(String url) {
        String u = PathTemplate.pathOf(url);
        return u.length() > 1 && u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
