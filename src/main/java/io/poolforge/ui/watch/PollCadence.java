package io.poolforge.ui.watch;

import java.time.Duration;

/**
 * The poll interval of a pool watch: {@link PoolWatchViewModel#FAST} while the pool resizes or right
 * after an action, doubling up to {@link PoolWatchViewModel#SLOWEST} while it is steady or polls fail.
 */
final class PollCadence {
    private Duration interval = PoolWatchViewModel.FAST;

    /** The interval of the next poll. */
    Duration interval() {
        return interval;
    }

    /** Back to the fast pace. */
    void reset() {
        interval = PoolWatchViewModel.FAST;
    }

    /** Doubles the interval, up to the slowest. */
    void slowDown() {
        interval = slower(interval);
    }

    /** After a poll: slower while {@code steady}, fast otherwise. */
    void afterPoll(boolean steady) {
        interval = steady ? slower(interval) : PoolWatchViewModel.FAST;
    }

    private static Duration slower(Duration d) {
        Duration twice = d.multipliedBy(2);
        return twice.compareTo(PoolWatchViewModel.SLOWEST) > 0 ? PoolWatchViewModel.SLOWEST : twice;
    }
}
