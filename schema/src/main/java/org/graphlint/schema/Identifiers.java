package org.graphlint.schema;

/**
 * What an English identifier of the docs looks like ({@code [A-Za-z_][A-Za-z0-9_]*}), checked char by char: the builder
 * asks it of every segment, link, word and key of a whole snapshot (hundreds of thousands of times), where
 * {@code String.matches} compiled the expression anew at each call.
 */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}: a type, property or segment name. */
    static boolean isName(CharSequence s) {
        return matches(s, false, false);
    }

    /** {@code [a-z_][A-Za-z0-9_]*}: a name that starts in lower case (a property, not a type). */
    static boolean isLowerName(CharSequence s) {
        return matches(s, true, false);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.]*}: a name, qualified or not ({@code microsoft.graph.user}). */
    static boolean isDottedName(CharSequence s) {
        return matches(s, false, true);
    }

    private static boolean matches(CharSequence s, boolean lowerFirst, boolean dots) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= 'a' && c0 <= 'z' || c0 == '_' || !lowerFirst && c0 >= 'A' && c0 <= 'Z')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || dots && c == '.')) {
                return false;
            }
        }
        return true;
    }
}
