package org.graphlint.convert;

/** What became of a changed value. */
public enum Outcome {
    /** Left out of the converted payload (information lost). */
    REMOVED("removed"),
    /** Put in another form of the same information ({@code 5} as {@code "5"}). */
    CONVERTED("converted"),
    /** Replaced by the value the target's docs name instead. */
    REPLACED("replaced");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
