package io.poolforge.plan;

import io.poolforge.domain.PoolForgeException;

/**
 * A plan file that is not a well-formed plan document (PF-22): its own rule code ({@code PLAN_TRAILING_CONTENT},
 * {@code PLAN_DUPLICATE_KEY}, {@code PLAN_NOT_UTF8}, ...) beside the message key, so every refusal of the reader is
 * shown with a code of its own, what is wrong, where, and the fix.
 */
public final class PlanFormatException extends PoolForgeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public PlanFormatException(String code, String key, Throwable cause, Object... args) {
        super(key, cause, args);
        this.code = code;
    }

    /** The rule code ("PLAN_TRAILING_CONTENT"). */
    public String code() { return code; }
}
