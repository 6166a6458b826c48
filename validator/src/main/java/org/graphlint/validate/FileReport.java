package org.graphlint.validate;

import java.util.List;

/**
 * The outcome of checking one fixture.
 *
 * @param file     the fixture as named on the command line
 * @param targets  the schema versions its bodies were checked against, one per checked body, in order
 * @param findings every finding, in file order
 * @param requests the number of bodies/requests in the fixture (1 for a JSON file)
 */
public record FileReport(String file, List<Target> targets, List<Finding> findings, int requests) {
    public FileReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    /** True when nothing at or above {@code threshold} was found. */
    public boolean passes(Severity threshold) {
        for (Finding f : findings) {
            if (f.severity().atLeast(threshold)) {
                return false;
            }
        }
        return true;
    }

    /** True when the fixture could not be checked (an {@link Category#INPUT} finding). */
    public boolean hasInputProblem() {
        for (Finding f : findings) {
            if (f.category() == Category.INPUT) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
