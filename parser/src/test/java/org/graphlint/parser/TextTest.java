package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The one home of the message helpers: what each gives at its edges. */
class TextTest {

    @Test
    void oneLineKeepsTheFirstLineStripped() {
        assertEquals("first", Text.oneLine("  first \nsecond"));
        assertEquals("only", Text.oneLine(" only "));
        assertEquals("(no message)", Text.oneLine((String) null));
        assertEquals("(no message)", Text.oneLine(" \n "));
    }

    @Test
    void aThrowableWithoutAMessageIsNamedByItsClass() {
        assertEquals("cannot read", Text.oneLine(new IOException("cannot read\n\tat somewhere")));
        assertEquals("IOException", Text.oneLine(new IOException()));
        assertEquals("IllegalStateException", Text.oneLine(new IllegalStateException(" ")));
    }

    @Test
    void abbreviateAndCutShortenOnlyWhatIsLong() {
        String eighty = "x".repeat(80);
        assertEquals(eighty, Text.abbreviate(eighty));
        assertEquals("x".repeat(77) + "...", Text.abbreviate(eighty + "y"));
        assertEquals("a b", Text.abbreviate("a\nb"));
        assertEquals("abc", Text.cut("abc", 3));
        assertEquals("ab…", Text.cut("abc", 2));
    }
}
