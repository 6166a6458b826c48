package org.graphlint.parser;

/**
 * The type a type page says it inherits from ("Inherits from [directoryObject](directoryobject.md)", "Derived from
 * [attachment](attachment.md)"), as the page writes it.
 *
 * @param name the English link text ({@code directoryObject}); on plain pages or where the text is a phrase
 *             ("Conditional Access Session Control") it may not be an identifier: the link then decides
 * @param link the link target as written ({@code ../resources/entity.md}), or null
 * @param line 1-based line of the sentence
 */
public record BaseType(String name, String link, int line) {
}
