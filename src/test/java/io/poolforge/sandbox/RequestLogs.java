package io.poolforge.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Test helper: the sandbox writes a request's log line after answering it, so a test reads the log once it has settled. */
public final class RequestLogs {
    private RequestLogs() {
    }

    /** A copy of {@code log} once no line has arrived for 100 ms (waits at most 2 s). */
    public static List<String> settled(List<String> log) {
        int size = log.size();
        long quietSince = System.nanoTime();
        long until = quietSince + 2_000_000_000L;
        while (System.nanoTime() < until && System.nanoTime() - quietSince < 100_000_000L) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (log.size() != size) {
                size = log.size();
                quietSince = System.nanoTime();
            }
        }
        return new ArrayList<>(log);
    }
}
