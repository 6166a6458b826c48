package org.graphlint.validate;

/** What {@link QuickCheck} says of a value: valid or invalid for certain, or unsure (networknt decides). */
enum Verdict {
    INVALID, VALID, UNSURE;

    /** VALID for true, INVALID for false. */
    static Verdict of(boolean valid) {
        return valid ? VALID : INVALID;
    }

    /** Both verdicts at once: INVALID if either is, else UNSURE if either is, else VALID. */
    Verdict and(Verdict other) {
        return this == INVALID || other == INVALID ? INVALID : this == UNSURE || other == UNSURE ? UNSURE : VALID;
    }

    /** The verdict of {@code not}: VALID and INVALID swapped, UNSURE kept. */
    Verdict not() {
        return this == UNSURE ? UNSURE : this == VALID ? INVALID : VALID;
    }
}
