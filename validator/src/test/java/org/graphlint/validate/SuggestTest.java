package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Did-you-mean suggestions: the nearest names, and no table the size of a hostile name. */
class SuggestTest {

    private static final List<String> NAMES = List.of("vppToken", "organizationName", "displayName", "deviceManagement",
            "user", "users", "group", "message", "calendarRoleType");

    @Test
    void nearNamesAreSuggestedNearestFirst() {
        assertEquals(List.of("organizationName"), Suggest.nearest("organisationName", NAMES));
        assertEquals(List.of("vppToken"), Suggest.nearest("vppTokens", NAMES));
        assertEquals(List.of("user", "users"), Suggest.nearest("usr", NAMES));
        assertEquals(List.of("deviceManagement"), Suggest.nearest("deviceManag", NAMES), "a prefix of a long name");
        assertEquals(List.of(), Suggest.nearest("completelyDifferent", NAMES));
    }

    @Test
    void aNameLongerThanAnyIdentifierGetsNoSuggestion() {
        // 100 KB against thousands of names was a 100 KB x length table per name: minutes, in the target look-up.
        assertEquals(List.of(), Suggest.nearest("x".repeat(100_000), NAMES));
        assertEquals(List.of(), Suggest.nearest("vppToken" + "x".repeat(Suggest.MAX_NAME), NAMES));
    }
}
