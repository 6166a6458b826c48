package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each identifier grammar answers as its regular expression does, on names, annotations, markup and translated words. */
class IdentifiersTest {

    private static final List<String> SAMPLES = List.of("", "a", "A", "_", "@", "1", "roleScopeTagIds", "VppToken",
            "vpp_token2", "@odata.type", "microsoft.graph.user", "a.b", ".a", "a@b", "a-b", "a b", "токен", "válido",
            "estado", "Edm.String", "x1.2", "`code`", "name*", "9lives", "_hidden", "a\u00e9", "ID");

    private static void agrees(Pattern expected, java.util.function.Predicate<String> actual) {
        for (String s : SAMPLES) {
            assertEquals(expected.matcher(s).matches(), actual.test(s), expected + " on '" + s + "'");
        }
    }

    @Test
    void eachGrammarIsItsRegularExpression() {
        agrees(Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"), Identifiers::isName);
        agrees(Pattern.compile("[a-z_][A-Za-z0-9_]*"), Identifiers::isLowerName);
        agrees(Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*"), Identifiers::isDottedName);
        agrees(Pattern.compile("[@A-Za-z_][A-Za-z0-9_.@]*"), Identifiers::isGraphIdentifier);
    }

    @Test
    void nullIsNoIdentifier() {
        assertEquals(false, Identifiers.isName(null));
        assertEquals(false, Identifiers.isGraphIdentifier(null));
    }
}
