package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Linter#withoutNumbers}: what {@code replaceAll("\\d+", "#")} gives, the identity a baseline keys on. */
class WithoutNumbersTest {
    @Test
    void eachRunOfDigitsIsOneHashAsTheRegexMakesIt() {
        String[] pieces = {"0", "42", "7", "a", " ", "line ", ":", "١", "²", "bytes", "-", "."};
        Random rnd = new Random(3);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(9); k > 0; k--) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            assertEquals(s.replaceAll("\\d+", "#"), Linter.withoutNumbers(s), () -> "'" + s + "'");
        }
        String none = "no digits here";
        assertSame(none, Linter.withoutNumbers(none));
        assertEquals("Content-length # differs from the body's # bytes",
                Linter.withoutNumbers("Content-length 120 differs from the body's 118 bytes"));
    }
}
