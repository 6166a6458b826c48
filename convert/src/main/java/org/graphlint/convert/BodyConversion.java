package org.graphlint.convert;

import java.util.List;
import org.graphlint.validate.Finding;

/**
 * One body of a fixture: converted, or the reason it could not be.
 *
 * @param request        1-based request of a {@code .http} file; 0 for a JSON file
 * @param line           the line the body starts on (1 for a JSON file)
 * @param conversion     the conversion; null when {@code problem} says why there is none
 * @param sourceFindings errors of the body against a {@code --from} version it is not valid against (it was converted
 *                       anyway); empty otherwise
 * @param problem        why the body was not converted (not JSON, no schema for it, no version it is valid against…)
 */
public record BodyConversion(int request, int line, Conversion conversion, List<Finding> sourceFindings,
        Finding problem) {
    public BodyConversion {
        sourceFindings = List.copyOf(sourceFindings);
    }
}
