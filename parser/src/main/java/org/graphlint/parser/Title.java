package org.graphlint.parser;

/** A page title: {@code english} is null on plain pages, where only the localized title is published. */
public record Title(String english, String localized) {
}
