package org.graphlint.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;

/** Valid integers, numbers and strings for the conjunction of flat schemas {@link SchemaArbitraries} hands over. */
final class ScalarArbitraries {
    private ScalarArbitraries() {
    }

    private static BigDecimal bound(List<JsonNode> all, String key, boolean max) {
        BigDecimal b = null;
        for (JsonNode s : all) {
            if (s.has(key) && s.get(key).isNumber()) {
                BigDecimal v = s.get(key).decimalValue();
                b = b == null ? v : (max ? b.min(v) : b.max(v));
            }
        }
        return b;
    }

    static Arbitrary<JsonNode> integers(List<JsonNode> all) {
        BigDecimal min = bound(all, "minimum", false);
        BigDecimal max = bound(all, "maximum", true);
        BigDecimal xmin = bound(all, "exclusiveMinimum", false);
        BigDecimal xmax = bound(all, "exclusiveMaximum", true);
        BigInteger lo = min == null ? BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.TWO)
                : min.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
        BigInteger hi = max == null ? BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO)
                : max.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
        if (xmin != null) {
            lo = lo.max(xmin.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact().add(BigInteger.ONE));
        }
        if (xmax != null) {
            hi = hi.min(xmax.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact().subtract(BigInteger.ONE));
        }
        BigInteger l = lo;
        BigInteger h = hi;
        // small values mostly, the bounds and their neighbours as edge cases and often
        Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(lo, hi);
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(lo.max(BigInteger.valueOf(-1000)), hi.min(BigInteger.valueOf(1000)));
        Arbitrary<BigInteger> edges = Arbitraries.of(l, h, l.add(BigInteger.ONE).min(h), h.subtract(BigInteger.ONE).max(l));
        Arbitrary<BigInteger> pick = lo.compareTo(BigInteger.valueOf(1000)) > 0 || hi.compareTo(BigInteger.valueOf(-1000)) < 0
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(2, edges))
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, small), net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(2, edges));
        // the node a JSON reader makes of the same text (an int, a long, a big integer), so that a generated payload
        // equals itself read back
        return pick.map(b -> (JsonNode) (b.bitLength() < 32 ? Json.F.numberNode(b.intValue())
                : b.bitLength() < 64 ? Json.F.numberNode(b.longValue()) : Json.F.numberNode(b)));
    }

    static Arbitrary<JsonNode> numbers(List<JsonNode> all) {
        BigDecimal min = bound(all, "minimum", false);
        BigDecimal max = bound(all, "maximum", true);
        double lo = min == null ? -1e300 : min.doubleValue();
        double hi = max == null ? 1e300 : max.doubleValue();
        Arbitrary<JsonNode> doubles = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(Math.max(lo, -1e6), Math.min(hi, 1e6)).ofScale(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(lo, hi)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, 1.5e-300, 3.4028235e38, Double.MAX_VALUE / 2)
                        .filter(d -> d >= lo && d <= hi)))
                .map(d -> (JsonNode) Json.F.numberNode(d));
        return Arbitraries.oneOf(doubles, integers(all));
    }

    static Arbitrary<JsonNode> strings(List<JsonNode> all) {
        String format = null;
        String pattern = null;
        List<String> patterns = new ArrayList<>();
        boolean base64 = false;
        for (JsonNode s : all) {
            if (s.has("format") && Formats.known(s.get("format").asString())) {
                format = s.get("format").asString();
            }
            if (s.has("pattern")) {
                pattern = pattern == null ? s.get("pattern").asString() : pattern;
                patterns.add(s.get("pattern").asString());
            }
            base64 |= "base64".equals(s.path("contentEncoding").asString(""));
        }
        Arbitrary<String> a;
        if (format != null) {
            a = Formats.values(format);
            if (pattern != null) {
                String p = pattern;
                a = a.filter(v -> Json.finds(p, v));
            }
        } else if (base64) {
            a = Arbitraries.bytes().array(byte[].class).ofMaxSize(24).flatMap(b -> Arbitraries.of(
                    Base64.getEncoder().encodeToString(b), Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
            if (pattern != null) {
                String p = pattern;
                a = a.filter(v -> Json.finds(p, v));
            }
        } else if (patterns.size() > 1) {
            // strings of each pattern (a narrower one, an own @odata.type, seldom comes out of a wider one); the
            // conjunction is checked against all of them (needsCheck)
            a = Arbitraries.oneOf(patterns.stream().map(RegexStrings::matching).toList());
        } else if (pattern != null) {
            a = RegexStrings.matching(pattern);
        } else {
            a = text();
        }
        return a.map(s -> (JsonNode) Json.F.stringNode(s));
    }

    /** Any text: ASCII mostly, with Cyrillic, accents, CJK, emoji, quotes and escapes. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                        .withChars(" -_.").ofMaxLength(16)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').withCharRange('А', 'я')
                        .withChars("éçãñß€✓漢字\"\\\t\n/").ofMaxLength(24)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "😀", "a\u0000b", "\u202Eltr", "null", "true", "0")));
    }
}
