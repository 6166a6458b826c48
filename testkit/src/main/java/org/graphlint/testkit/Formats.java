package org.graphlint.testkit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Values of the JSON Schema formats graphlint's schemas assert ({@code date-time}, {@code date}, {@code time},
 * {@code uuid}) and a few common others, valid and malformed.
 */
final class Formats {
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|([+-])(\\d{2}):(\\d{2}))$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern TIME = Pattern.compile("^(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static final List<String> KNOWN = List.of("date-time", "date", "time", "uuid", "email", "uri", "hostname", "ipv4");

    private Formats() {
    }

    static boolean known(String format) {
        return KNOWN.contains(format);
    }

    /** Whether a string is a valid value of a format (unknown formats accept everything, as annotations do). */
    static boolean valid(String format, String s) {
        switch (format) {
            case "date-time": {
                Matcher m = DATE_TIME.matcher(s);
                return m.matches() && date(m.group(1), m.group(2), m.group(3)) && time(m.group(4), m.group(5), m.group(6))
                        && (m.group(9) == null || (Integer.parseInt(m.group(10)) < 24 && Integer.parseInt(m.group(11)) < 60));
            }
            case "date": {
                Matcher m = DATE.matcher(s);
                return m.matches() && date(m.group(1), m.group(2), m.group(3));
            }
            case "time": {
                Matcher m = TIME.matcher(s);
                return m.matches() && time(m.group(1), m.group(2), m.group(3));
            }
            case "uuid":
                return UUID.matcher(s).matches();
            default:
                return true;
        }
    }

    private static boolean date(String y, String m, String d) {
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return true;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean time(String h, String m, String s) {
        return Integer.parseInt(h) < 24 && Integer.parseInt(m) < 60 && Integer.parseInt(s) < 60;
    }

    /** Valid values of a known format. */
    static Arbitrary<String> values(String format) {
        return switch (format) {
            case "date-time" -> dateTimes();
            case "date" -> dates().map(LocalDate::toString);
            case "time" -> Combinators.combine(clock(), fraction(), offset()).as((c, f, o) -> c + f + o);
            case "uuid" -> uuids();
            case "email" -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(u -> u + "@contoso.com");
            case "uri" -> Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8).map(p -> "https://graph.microsoft.com/" + p);
            case "hostname" -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(h -> h + ".example");
            case "ipv4" -> Arbitraries.integers().between(0, 255).list().ofSize(4)
                    .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
            default -> throw new IllegalArgumentException(format);
        };
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between((int) LocalDate.of(1900, 1, 1).toEpochDay(), (int) LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<String> clock() {
        return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59)).as((h, m, s) -> two(h) + ":" + two(m) + ":" + two(s));
    }

    /** Two digits (String.format was a tenth of the invalid-payload generator's time). */
    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** No fraction, or 1 to 7 fractional digits (Graph writes 7). */
    private static Arbitrary<String> fraction() {
        return Arbitraries.integers().between(0, 7).flatMap(n -> n == 0 ? Arbitraries.just("")
                : Arbitraries.strings().numeric().ofLength(n).map(d -> "." + d));
    }

    /**
     * Z, or an offset from -14:00 to +14:00 (what real time zones use). Not {@code -00:00}: RFC 3339 (4.3) allows it
     * for "offset unknown", but networknt 3.0.6, which graphlint validates with, rejects it as not a date-time, and
     * Graph never writes it; a payload graphlint calls invalid must not come out of {@link GraphPayloads#valid()}.
     */
    private static Arbitrary<String> offset() {
        Arbitrary<String> numeric = Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 14),
                Arbitraries.of(0, 15, 30, 45)).as((sign, h, m) -> sign + two(h) + ":" + two(m))
                .filter(o -> !o.equals("-00:00"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just("Z")), net.jqwik.api.Tuple.of(3, numeric));
    }

    /** RFC 3339 date-times: dates 1900-2100, 0 to 7 fractional digits, Z or an offset. */
    static Arbitrary<String> dateTimes() {
        return Combinators.combine(dates(), clock(), fraction(), offset()).as((d, c, f, o) -> d + "T" + c + f + o);
    }

    static Arbitrary<String> uuids() {
        return Combinators.combine(Arbitraries.strings().withChars("0123456789abcdef").ofLength(32), Arbitraries.of(false, true))
                .as((h, upper) -> {
                    String u = h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                            + "-" + h.substring(20);
                    return upper ? u.toUpperCase(Locale.ROOT) : u;
                });
    }

    /** Strings that are not valid values of a known format (and are unambiguously so). */
    static Arbitrary<String> malformed(String format) {
        Arbitrary<String> generic = Arbitraries.of("", "yesterday", "not a " + format, "0", "null");
        Arbitrary<String> specific = switch (format) {
            case "date-time" -> Combinators.combine(dateTimes(), Arbitraries.integers().between(0, 5)).as((dt, k) -> switch (k) {
                case 0 -> dt.substring(0, 19); // no offset
                case 1 -> dt.substring(0, 5) + "13" + dt.substring(7); // month 13
                case 2 -> dt.substring(0, 11) + "25" + dt.substring(13); // hour 25
                case 3 -> dt.substring(0, 10) + "X" + dt.substring(11); // not T
                case 4 -> dt.substring(0, 10); // a date only
                default -> dt.substring(0, 8) + "32" + dt.substring(10); // day 32
            });
            case "date" -> Combinators.combine(dates(), Arbitraries.integers().between(0, 3)).as((d, k) -> switch (k) {
                case 0 -> d.toString().substring(0, 5) + "13" + d.toString().substring(7);
                case 1 -> d.toString().substring(0, 8) + "32";
                case 2 -> d + "T00:00:00Z";
                default -> d.toString().replace('-', '/');
            });
            case "time" -> Arbitraries.of("25:00:00Z", "10:61:00Z", "10:00", "10:00:00");
            case "uuid" -> uuids().flatMap(u -> Arbitraries.of(u.substring(1), u.replace("-", "") + "x", "{" + u + "}", u.replace('a', 'g').replace('0', 'g')))
                    .filter(s -> !UUID.matcher(s).matches());
            default -> generic;
        };
        return Arbitraries.oneOf(specific, generic).filter(s -> !valid(format, s) || !known(format));
    }
}
