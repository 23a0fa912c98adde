package io.poolforge.run;

/**
 * PENDING: not tried. STARTED: the intent is written, the result is not (the call may or may not have
 * reached Azure: look the resource up before creating it). SUCCEEDED / FAILED: the result is written.
 */
public enum StepStatus {
    PENDING, STARTED, SUCCEEDED, FAILED
}
