package org.graphlint.convert;

/**
 * One change a conversion made to a payload.
 *
 * @param pointer  RFC 6901 pointer into the <em>original</em> payload
 * @param kind     why it changed
 * @param outcome  what became of the value
 * @param lossy    true when the converted payload no longer carries the information (a removal, a replacement)
 * @param oldValue the original value as compact JSON, abbreviated to 60 characters
 * @param newValue the new value as compact JSON, abbreviated; null when removed
 * @param message  one line: what changed and why, naming the versions
 */
public record Change(String pointer, ChangeKind kind, Outcome outcome, boolean lossy, String oldValue, String newValue,
        String message) {
}
