package org.graphlint.convert;

import java.util.List;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Target;
import tools.jackson.databind.JsonNode;

/**
 * One payload converted from one schema version to another.
 *
 * @param from      the source version
 * @param to        the target version
 * @param output    the converted payload (the input itself when nothing changed)
 * @param changes   every change, in payload order; empty for a conversion that changed nothing
 * @param remaining errors of {@code output} against {@code to} that no change could remove (a missing required
 *                  property, say); empty when the output is valid against the target
 */
public record Conversion(Target from, Target to, JsonNode output, List<Change> changes, List<Finding> remaining) {
    public Conversion {
        changes = List.copyOf(changes);
        remaining = List.copyOf(remaining);
    }

    /** True when some change lost information. */
    public boolean lossy() {
        return changes.stream().anyMatch(Change::lossy);
    }

    /** True when the output is valid against the target version. */
    public boolean valid() {
        return remaining.isEmpty();
    }

    public boolean changed() {
        return !changes.isEmpty();
    }
}
