package org.graphlint.parser;

/**
 * What an English identifier of the docs looks like, checked char by char: the parser, the schema builder and lint ask
 * it of every cell, segment, link, word and key of a whole snapshot (hundreds of thousands of times), where
 * {@code String.matches} compiled the expression anew at each call.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}: a type, property or segment name. */
    public static boolean isName(CharSequence s) {
        return matches(s, false, false, false);
    }

    /** {@code [a-z_][A-Za-z0-9_]*}: a name that starts in lower case (a property, not a type). */
    public static boolean isLowerName(CharSequence s) {
        return matches(s, true, false, false);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.]*}: a name, qualified or not ({@code microsoft.graph.user}). */
    public static boolean isDottedName(CharSequence s) {
        return matches(s, false, true, false);
    }

    /**
     * {@code [@A-Za-z_][A-Za-z0-9_.@]*}: anything Graph spells as an identifier, annotations included
     * ({@code @odata.type}, {@code roleScopeTagIds}, {@code microsoft.graph.user}).
     */
    public static boolean isGraphIdentifier(CharSequence s) {
        return matches(s, false, true, true);
    }

    private static boolean matches(CharSequence s, boolean lowerFirst, boolean dots, boolean ats) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= 'a' && c0 <= 'z' || c0 == '_' || !lowerFirst && c0 >= 'A' && c0 <= 'Z' || ats && c0 == '@')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || dots && c == '.'
                    || ats && c == '@')) {
                return false;
            }
        }
        return true;
    }
}
