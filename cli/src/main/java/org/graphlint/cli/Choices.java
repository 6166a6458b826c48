package org.graphlint.cli;

import java.util.function.Function;
import org.graphlint.lint.CatalogDiff;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Enum-typed options, one way for every command: any letter case accepted, an unknown value refused on one line that
 * names the accepted ones ({@link GraphlintCommand} prints it without the usage, exit 2). The annotated commands name
 * a converter class below; {@code validate}, declared through the programmatic API, uses {@link #converter}.
 */
final class Choices {
    private Choices() {
    }

    /** A value outside an enum-typed option's choices; its message is the whole line after "graphlint COMMAND: ". */
    static final class UnknownChoice extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        UnknownChoice(String message) {
            super(message);
        }
    }

    /** A converter from a parse function that throws IllegalArgumentException naming the accepted values. */
    static <E extends Enum<E>> ITypeConverter<E> converter(Function<String, E> parse) {
        return v -> {
            try {
                return parse.apply(v);
            } catch (IllegalArgumentException e) {
                throw new UnknownChoice(e.getMessage());
            }
        };
    }

    /** {@code parse --fail-on error|warning|none}: the same values and message as {@code validate}'s. */
    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) throws Exception {
            return converter(FailOn::parse).convert(value);
        }
    }

    /** {@code diff --fail-on breaking|any|none}. */
    static final class DiffFailOnConverter implements ITypeConverter<CatalogDiff.FailOn> {
        @Override
        public CatalogDiff.FailOn convert(String value) throws Exception {
            return converter(DiffFailOnConverter::parse).convert(value);
        }

        static CatalogDiff.FailOn parse(String s) {
            for (CatalogDiff.FailOn f : CatalogDiff.FailOn.values()) {
                if (f.name().equalsIgnoreCase(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown --fail-on '" + s + "': use breaking, any or none");
        }
    }
}
