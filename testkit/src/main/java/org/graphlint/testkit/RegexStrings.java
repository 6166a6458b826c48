package org.graphlint.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Strings matching a regular expression, for the {@code pattern} keyword: literals, escapes ({@code \d \w \s \.}),
 * character classes with ranges and negation, {@code .}, groups, alternation and the quantifiers {@code ? * + {m} {m,}
 * {m,n}}. Anchors are dropped and lookaheads skipped; every generated string is then checked against the pattern
 * itself (so a lookahead or an unsupported construct costs filtered tries, never a wrong value). Unbounded repetition
 * goes up to 4 beyond its minimum; everything shrinks towards the shortest match and the first character of each class.
 */
final class RegexStrings {
    private static final int MAX_EXTRA = 4;
    private final String re;
    private int i;

    private RegexStrings(String re) {
        this.re = re;
    }

    static Arbitrary<String> matching(String regex) {
        Pattern p = Json.pattern(regex);
        Arbitrary<String> gen;
        try {
            RegexStrings parser = new RegexStrings(regex);
            gen = parser.alternation();
            if (parser.i != regex.length()) {
                throw new IllegalArgumentException("unsupported regex construct at " + parser.i + " in " + regex);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot generate strings for pattern " + regex + ": " + e.getMessage(), e);
        }
        return gen.filter(s -> p.matcher(s).find());
    }

    private Arbitrary<String> alternation() {
        List<Arbitrary<String>> alts = new ArrayList<>();
        alts.add(sequence());
        while (i < re.length() && re.charAt(i) == '|') {
            i++;
            alts.add(sequence());
        }
        return alts.size() == 1 ? alts.get(0) : Arbitraries.oneOf(alts);
    }

    private Arbitrary<String> sequence() {
        List<Arbitrary<String>> parts = new ArrayList<>();
        while (i < re.length() && re.charAt(i) != '|' && re.charAt(i) != ')') {
            Arbitrary<String> atom = atom();
            if (atom != null) {
                parts.add(quantified(atom));
            }
        }
        if (parts.isEmpty()) {
            return Arbitraries.just("");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Combinators.combine(parts).as(l -> String.join("", l));
    }

    /** An atom, or null for an anchor or a lookaround (which generate nothing). */
    private Arbitrary<String> atom() {
        char c = re.charAt(i);
        switch (c) {
            case '^', '$' -> {
                i++;
                return null;
            }
            case '(' -> {
                i++;
                boolean look = false;
                if (re.startsWith("?:", i)) {
                    i += 2;
                } else if (re.startsWith("?=", i) || re.startsWith("?!", i) || re.startsWith("?<=", i) || re.startsWith("?<!", i)) {
                    look = true;
                    i += re.startsWith("?<", i) ? 3 : 2;
                }
                Arbitrary<String> inner = alternation();
                expect(')');
                return look ? null : inner;
            }
            case '[' -> {
                return Arbitraries.of(charClass()).map(String::valueOf);
            }
            case '.' -> {
                i++;
                return Arbitraries.chars().range(' ', '~').map(String::valueOf);
            }
            case '\\' -> {
                i++;
                List<Character> set = escape();
                return Arbitraries.of(set).map(String::valueOf);
            }
            default -> {
                i++;
                return Arbitraries.just(String.valueOf(c));
            }
        }
    }

    private Arbitrary<String> quantified(Arbitrary<String> atom) {
        if (i >= re.length()) {
            return atom;
        }
        int min;
        int max;
        char c = re.charAt(i);
        if (c == '?') {
            min = 0;
            max = 1;
            i++;
        } else if (c == '*') {
            min = 0;
            max = MAX_EXTRA;
            i++;
        } else if (c == '+') {
            min = 1;
            max = 1 + MAX_EXTRA;
            i++;
        } else if (c == '{' && i + 1 < re.length() && Character.isDigit(re.charAt(i + 1))) {
            int close = re.indexOf('}', i);
            String body = re.substring(i + 1, close);
            i = close + 1;
            int comma = body.indexOf(',');
            if (comma < 0) {
                min = max = Integer.parseInt(body);
            } else {
                min = Integer.parseInt(body.substring(0, comma));
                max = comma == body.length() - 1 ? min + MAX_EXTRA : Integer.parseInt(body.substring(comma + 1));
            }
        } else {
            return atom;
        }
        if (i < re.length() && (re.charAt(i) == '?' || re.charAt(i) == '+')) {
            i++; // lazy or possessive: same strings
        }
        return atom.list().ofMinSize(min).ofMaxSize(Math.min(max, min + 12)).map(l -> String.join("", l));
    }

    private List<Character> charClass() {
        expect('[');
        boolean negate = false;
        if (i < re.length() && re.charAt(i) == '^') {
            negate = true;
            i++;
        }
        List<Character> set = new ArrayList<>();
        boolean first = true;
        while (i < re.length() && (re.charAt(i) != ']' || first)) {
            first = false;
            List<Character> from;
            if (re.charAt(i) == '\\') {
                i++;
                from = escape();
            } else {
                from = List.of(re.charAt(i++));
            }
            if (from.size() == 1 && i + 1 < re.length() && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
                i++;
                char to = re.charAt(i) == '\\' ? escapeSingle() : re.charAt(i++);
                for (char c = from.get(0); c <= to; c++) {
                    set.add(c);
                }
            } else {
                set.addAll(from);
            }
        }
        expect(']');
        if (!negate) {
            return set;
        }
        List<Character> out = new ArrayList<>();
        for (char c = ' '; c <= '~'; c++) {
            if (!set.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private char escapeSingle() {
        i++;
        List<Character> e = escape();
        return e.get(0);
    }

    /** The characters an escape (after the backslash) stands for. */
    private List<Character> escape() {
        char c = re.charAt(i++);
        List<Character> out = new ArrayList<>();
        switch (c) {
            case 'd' -> range(out, '0', '9');
            case 'w' -> {
                range(out, 'a', 'z');
                range(out, 'A', 'Z');
                range(out, '0', '9');
                out.add('_');
            }
            case 's' -> out.add(' ');
            case 'n' -> out.add('\n');
            case 't' -> out.add('\t');
            case 'r' -> out.add('\r');
            case 'D', 'W', 'S' -> out.add('-');
            case 'u' -> {
                out.add((char) Integer.parseInt(re.substring(i, i + 4), 16));
                i += 4;
            }
            default -> out.add(c);
        }
        return out;
    }

    private static void range(List<Character> out, char from, char to) {
        for (char c = from; c <= to; c++) {
            out.add(c);
        }
    }

    private void expect(char c) {
        if (i >= re.length() || re.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i);
        }
        i++;
    }
}
