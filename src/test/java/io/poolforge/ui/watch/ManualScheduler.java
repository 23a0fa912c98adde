package io.poolforge.ui.watch;

import io.poolforge.task.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler for tests: records each delay, runs the scheduled actions only when told. */
public final class ManualScheduler implements Scheduler {
    private final List<Entry> entries = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    private static final class Entry implements Scheduled {
        final Duration delay;
        final Runnable action;
        boolean cancelled;
        boolean ran;

        Entry(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }

        @Override public void cancel() { cancelled = true; }

        @Override public boolean isCancelled() { return cancelled; }
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        Entry e = new Entry(delay, action);
        entries.add(e);
        delays.add(delay);
        return e;
    }

    /** Every delay asked for, in order (cancelled ones included). */
    public List<Duration> delays() { return List.copyOf(delays); }

    public boolean hasPending() { return entries.stream().anyMatch(e -> !e.cancelled && !e.ran); }

    /** The delay of the one pending action. */
    public Duration pendingDelay() {
        return entries.stream().filter(e -> !e.cancelled && !e.ran).map(e -> e.delay).reduce((a, b) -> b).orElse(null);
    }

    /** Runs the earliest pending action (as if its delay passed). */
    public void runNext() {
        Entry next = entries.stream().filter(e -> !e.cancelled && !e.ran).findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing scheduled"));
        next.ran = true;
        next.action.run();
    }

    /** Runs pending actions until none is left or {@code max} ran; returns how many ran. */
    public int runUntilIdle(int max) {
        int n = 0;
        while (hasPending() && n < max) {
            runNext();
            n++;
        }
        return n;
    }
}
