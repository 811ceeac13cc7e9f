package dev.belay.lint;

import java.util.Locale;

/** How much a finding of {@code belay lint} matters. */
public enum Severity {

    /** Fails {@code belay lint} (a non-zero exit status) unless suppressed. */
    ERROR,

    /** Reported; fails nothing. */
    WARNING;

    /** As written in output, e.g. {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

}
