package io.poolforge.domain.rules;

/** ERROR blocks the step; WARNING informs and lets the user go on; INFO is advice. */
public enum Severity {
    ERROR, WARNING, INFO
}
