package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte path for ASCII bodies accepts exactly what the text path accepts, and reads the same tree. */
class SourceTextTest {

    @Test
    void asciiBytesParseLikeTheTextOrAreLeftToIt() {
        List<String> inputs = List.of("{}", "[]", "{\"a\": 1, \"b\": [true, null, 1.5e3]}", "  {\"a\":\"x\\u00e9\"}  \n",
                "", "   ", "\n\n", "{", "{\"a\": 1,}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1}x", "{\"a\": 1, \"a\": 2}",
                "{'a': 1}", "{\"a\": tru}", "{\"a\": \"\t\"}", "[1, 2", "\"just a string\"", "42", "null", "/* c */ {}",
                "[".repeat(SourceText.MAX_NESTING_DEPTH + 1) + "]".repeat(SourceText.MAX_NESTING_DEPTH + 1),
                "[".repeat(SourceText.MAX_NESTING_DEPTH - 1) + "]".repeat(SourceText.MAX_NESTING_DEPTH - 1));
        for (String in : inputs) {
            byte[] bytes = in.getBytes(StandardCharsets.US_ASCII);
            assertTrue(SourceText.isAscii(bytes), in);
            SourceText.Parsed text = SourceText.parse(in);
            SourceText.Parsed fast = SourceText.parseAscii(bytes);
            if (text.problem() != null) {
                assertNull(fast, "byte path accepted what the text path reports (" + text.problem().message() + "): " + in);
            } else {
                assertEquals(text.node(), fast == null ? null : fast.node(), in);
            }
        }
    }

    @Test
    void anyByteAbove127IsNotAscii() {
        assertFalse(SourceText.isAscii("{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SourceText.isAscii(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
        assertTrue(SourceText.isAscii(new byte[0]));
    }
}
