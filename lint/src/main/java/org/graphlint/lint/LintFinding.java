package org.graphlint.lint;

import java.util.Objects;

/**
 * One doc defect.
 *
 * @param file    the page as named on the command line (or as recorded from a git repository)
 * @param line    1-based line; 0 when the finding is about the whole page
 * @param column  1-based column in UTF-16 code units; 0 when unknown
 * @param rule    the rule
 * @param level   the level it is reported at (the rule's default unless {@code --rule} changed it)
 * @param message what is wrong and what to change, one line
 * @param subject what the finding is about, without positions ({@code token<-токен}, {@code /state=Valid}): with the
 *                rule and file it keys the finding in a baseline, so that lines moving do not make it new
 */
public record LintFinding(String file, int line, int column, LintRule rule, Level level, String message, String subject) {
    public LintFinding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        subject = subject == null ? "" : subject;
    }

    static LintFinding of(String file, int line, int column, LintRule rule, String message, String subject) {
        return new LintFinding(file, line, column, rule, rule.defaultLevel(), message, subject);
    }

    LintFinding withLevel(Level l) {
        return new LintFinding(file, line, column, rule, l, message, subject);
    }
}
