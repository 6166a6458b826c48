package org.graphlint.parser;

/** One documented HTTP operation from the page's "HTTP request" block, e.g. {@code POST /deviceAppManagement/vppTokens}. */
public record Operation(String method, String path) {
}
