package org.graphlint.convert;

import java.util.List;

/**
 * A fixture converted: its bodies, and its new text (request lines, headers and comments kept, {@code Content-Length}
 * recomputed for changed bodies).
 *
 * @param file    the fixture as named
 * @param text    the converted text; the original text when nothing changed; null when the file could not be read
 * @param changed true when {@code text} differs from the file
 * @param bodies  each body with a conversion or a problem, in file order
 * @param problem why the file could not be read or parsed at all; null otherwise
 */
public record FileConversion(String file, String text, boolean changed, List<BodyConversion> bodies,
        org.graphlint.validate.Finding problem) {
    public FileConversion {
        bodies = List.copyOf(bodies);
    }

    /** True when some body could not be converted, or the file not read. */
    public boolean hasProblem() {
        return problem != null || bodies.stream().anyMatch(b -> b.problem() != null);
    }

    /** True when some conversion lost information. */
    public boolean lossy() {
        return bodies.stream().anyMatch(b -> b.conversion() != null && b.conversion().lossy());
    }

    /** True when every converted body is valid against its target. */
    public boolean valid() {
        return bodies.stream().allMatch(b -> b.conversion() == null || b.conversion().valid());
    }

    public List<Change> changes() {
        return bodies.stream().filter(b -> b.conversion() != null).flatMap(b -> b.conversion().changes().stream()).toList();
    }
}
