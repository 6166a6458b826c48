package org.graphlint.parser;

import java.util.List;

/**
 * A page's model with the lines it was read from, for a tool that points into the page (a linter's line and column):
 * {@code lines().get(n - 1)} is the line a {@link Diagnostic}, {@link PropertyRow} or {@link Example} of the model
 * calls line {@code n}, decoded once, by the parser. See {@link PageParser#parseWithLines(String, byte[])}.
 *
 * @param model the page model, as {@link PageParser#parse(String, byte[])} gives it
 * @param lines the page's lines without their breaks (unmodifiable): a UTF-8 byte order mark dropped, CRLF, CR and LF
 *              each ending a line (a final break starts no empty line), invalid UTF-8 replaced with U+FFFD
 */
public record ParsedPage(PageModel model, List<String> lines) {
}
