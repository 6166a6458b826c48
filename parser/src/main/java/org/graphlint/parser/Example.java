package org.graphlint.parser;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request or response example block, or a resource page's JSON representation.
 *
 * @param kind      request or response
 * @param method    HTTP method of a request, null for a response
 * @param url       request URL as written, null for a response
 * @param status    response status code, null for a request
 * @param headers   headers in order
 * @param bodyText  the body as written (empty when there is none)
 * @param body      the body parsed as JSON; null when there is no body or it is not valid JSON (a diagnostic says so).
 *                  Treat it as read-only.
 * @param line      1-based line of the request/status line
 * @param bodyLine  1-based line where the body starts (0 when there is none)
 * @param declaredType the type the example's metadata comment names ({@code <!-- { "blockType": "response",
 *                  "@odata.type": "microsoft.graph.offerShiftRequest" } -->}), as written without {@code #}; null when
 *                  it names none. English on every page: the response shows an object of that type.
 */
public record Example(
        Kind kind,
        String method,
        String url,
        Integer status,
        List<Header> headers,
        String bodyText,
        JsonNode body,
        int line,
        int bodyLine,
        String declaredType) {

    public enum Kind {
        REQUEST, RESPONSE,
        /** The "JSON representation" block of a resource page (no method, URL or status). */
        REPRESENTATION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Example {
        headers = List.copyOf(headers);
    }

    /** An example whose metadata comment names no type. */
    public Example(Kind kind, String method, String url, Integer status, List<Header> headers, String bodyText, JsonNode body,
            int line, int bodyLine) {
        this(kind, method, url, status, headers, bodyText, body, line, bodyLine, null);
    }

    /** The same example with the type its metadata comment names. */
    public Example withDeclaredType(String type) {
        return new Example(kind, method, url, status, headers, bodyText, body, line, bodyLine, type);
    }

    /** The first header with this name, compared case-insensitively. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
