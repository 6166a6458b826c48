package org.graphlint.schema;

import java.util.Locale;

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
        String u = url.strip();
        int sp = u.indexOf(' ');
        if (sp >= 0) {
            u = u.substring(0, sp);
        }
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "/" : u.substring(slash);
        }
        if (u.startsWith("{{")) {
            int end = u.indexOf("}}");
            u = end < 0 ? u : u.substring(end + 2);
        }
        if (!u.startsWith("/")) {
            u = "/" + u;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/beta/") || lower.startsWith("/v1.0/")) {
            u = u.substring(5);
        }
        if (u.length() > 1 && u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
