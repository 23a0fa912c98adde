package io.poolforge.domain.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PF-18: how far ahead PoolForge warns of a {@code batchSupportEndOfLife} ("The time when the Azure Batch service will
 * stop accepting create Pool requests for the Image", Batch REST ImageInformation).
 *
 * <p>90 days is PoolForge's choice, not Microsoft's: it is the time a team needs to rebuild the image on a newer
 * supported base (a new VM, snapshots, a gallery version replicated to every region: hours each), test a pool on it
 * and roll it out, with a quarter's planning cycle to spare. A shorter window (30 days) leaves too little for a
 * rebuild that fails once; a longer one (a year) makes the warning permanent noise on images Batch still supports.
 */
public final class EndOfLife {
    /** Warn this many days (or fewer) before the end of Batch support. */
    public static final int WARNING_DAYS = 90;

    private EndOfLife() {
    }

    /** The day support ends (UTC), or null. */
    public static LocalDate day(Instant endOfLife) {
        return endOfLife == null ? null : endOfLife.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Days from {@code today} to the end (negative once past). */
    public static long daysLeft(LocalDate today, LocalDate end) {
        return ChronoUnit.DAYS.between(today, end);
    }

    /** True when the end is ahead of {@code today} and within {@link #WARNING_DAYS} days. */
    public static boolean soon(LocalDate today, LocalDate end) {
        if (end == null) return false;
        long left = daysLeft(today, end);
        return left > 0 && left <= WARNING_DAYS;
    }
}
