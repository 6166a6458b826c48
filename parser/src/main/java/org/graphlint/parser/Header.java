package org.graphlint.parser;

/** One HTTP header line of an example, name as written. */
public record Header(String name, String value) {
}
