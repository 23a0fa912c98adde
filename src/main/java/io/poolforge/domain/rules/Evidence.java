package io.poolforge.domain.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a rule rests on (PF-18): the page or REST definition, the short sentence quoted from it, and the day it was
 * last read against that page. {@code note} says which text the rule follows when two Microsoft texts disagree, or
 * what part of the rule is PoolForge's own choice; null when there is nothing to add.
 *
 * <p>{@code quote} is Microsoft's sentence verbatim (shortened with "…" only). When no Microsoft sentence supports a
 * rule (it is PoolForge's own advice), {@link #ownAdvice} marks it so, and docs/RULES.md says so instead of quoting.
 */
public record Evidence(String url, String quote, LocalDate checked, String note) {
    /** The day every rule was last re-read against its source (PF-18). */
    public static final LocalDate LAST_CHECKED = LocalDate.of(2026, 12, 7);
    /** The text shown in place of a quote for PoolForge's own advice. */
    public static final String NO_MICROSOFT_SENTENCE = "(no Microsoft sentence: PoolForge's own advice)";

    public Evidence {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(checked, "checked");
    }

    /** A Microsoft sentence read on {@link #LAST_CHECKED}. */
    public static Evidence of(String url, String quote) {
        return new Evidence(url, quote, LAST_CHECKED, null);
    }

    /** The same evidence with a note (which text wins where two disagree, or what PoolForge adds). */
    public Evidence note(String text) {
        return new Evidence(url, quote, checked, text);
    }

    /** PoolForge's own advice beside a page that does not say it; {@code why} is required. */
    public static Evidence ownAdvice(String url, String why) {
        return new Evidence(url, NO_MICROSOFT_SENTENCE, LAST_CHECKED, Objects.requireNonNull(why, "why"));
    }

    public boolean quotesMicrosoft() { return !NO_MICROSOFT_SENTENCE.equals(quote); }
}
