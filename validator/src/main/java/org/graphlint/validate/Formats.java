package org.graphlint.validate;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats graphlint checks by its own rules rather than networknt's, and the one networknt configuration that
 * uses them (production and tests alike).
 *
 * <p>{@code date-time} follows RFC 3339 section 5.6 and the JSON-Schema-Test-Suite: a {@code -00:00} offset is valid
 * (RFC 3339 section 4.3, "unknown local offset"; networknt rejected it), the string is matched whole (networknt
 * accepted a trailing newline), any number of second-fraction digits, and a leap second only at 23:59:60 UTC. The
 * other formats graphlint's schemas use (date, uuid, duration) are networknt's; {@code SuiteTest} lists where those
 * differ from the suite, and why.
 */
final class Formats {
    private Formats() {
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))");

    /** RFC 3339 {@code date-time}. */
    static boolean rfc3339DateTime(String t) {
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches() || !validDate(m.group(1), m.group(2), m.group(3))) {
            return false;
        }
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        int sec = Integer.parseInt(m.group(6));
        int offset = 0;
        if (m.group(7) != null) {
            int oh = Integer.parseInt(m.group(8));
            int om = Integer.parseInt(m.group(9));
            if (oh > 23 || om > 59) {
                return false;
            }
            offset = (m.group(7).equals("-") ? -1 : 1) * (oh * 60 + om);
        }
        if (h > 23 || min > 59 || sec > 60) {
            return false;
        }
        // A leap second is inserted at the end of a UTC day: 23:59:60 in UTC, whatever the local offset.
        return sec < 60 || Math.floorMod(h * 60 + min - offset, 24 * 60) == 23 * 60 + 59;
    }

    /** A calendar date of the proleptic Gregorian calendar, given as the digits of year, month and day. */
    static boolean validDate(String y, String mo, String d) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(mo);
        int day = Integer.parseInt(d);
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** graphlint's {@code date-time}, in networknt's terms. */
    static final Format DATE_TIME_FORMAT = new Format() {
        @Override
        public String getName() {
            return "date-time";
        }

        @Override
        public String getMessageKey() {
            return "format.date-time";
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return rfc3339DateTime(value);
        }
    };

    /** Every format networknt checks, by name, with graphlint's own in place of networknt's. */
    static Map<String, Format> all() {
        Map<String, Format> m = new HashMap<>();
        for (Format f : com.networknt.schema.format.Formats.DEFAULT) {
            m.put(f.getName(), f);
        }
        m.put(DATE_TIME_FORMAT.getName(), DATE_TIME_FORMAT);
        return m;
    }

    /** Draft 2020-12 with graphlint's formats. */
    static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012()).format(DATE_TIME_FORMAT).build();

    /**
     * The networknt configuration of every graphlint validation: format assertions on, JSON-pointer paths, each pattern
     * compiled once ({@link CompiledPatterns}).
     */
    static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(com.networknt.schema.path.PathType.JSON_POINTER)
            .regularExpressionFactory(CompiledPatterns.INSTANCE)
            .build();

    /**
     * The same configuration for a schema compiled for a few bodies and then dropped ({@code lint} checks each page's
     * examples against its own schema): {@code $ref} targets are compiled when a body first reaches them.
     */
    static SchemaRegistry oneOff() {
        return OneOff.REGISTRY;
    }

    /** Made on first use (lint's): a validate run never needs it. */
    private static final class OneOff {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT, b -> b.schemaRegistryConfig(
                SchemaRegistryConfig.builder(CONFIG).preloadSchema(false).build()));
    }

    /** A new networknt registry with graphlint's dialect and configuration. */
    static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(DIALECT, b -> b.schemaRegistryConfig(CONFIG));
    }
}
