package io.poolforge.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A crude sampling profiler of one thread (the FX thread), for finding what a stretch of FX work spends its time on
 * when JFR cannot help (JFR with the class-data archive crashed JDK 17.0.15; JFR sees the GTK-attached FX thread
 * rarely). {@code -Dbench.sample=true}: AppBenchmark samples the FX thread's stack every ~1 ms from start() to the
 * first interactive frame ({@code =render}: Prism's render thread instead; {@code =create}: the FX thread from the create step's
 * Start to the pool's watch) and prints the frames seen most (inclusive), as {@code # sample} lines.
 */
final class FxSampler {
    private final Thread target;
    private final Thread sampler;
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> self = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    /** The live thread whose name starts with {@code prefix} ({@code -Dbench.sample=render}: Prism's render thread). */
    static Thread thread(String prefix) {
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith(prefix)) return t;
        throw new IllegalStateException("no thread " + prefix);
    }

    FxSampler(Thread target) {
        this.target = target;
        this.sampler = new Thread(this::loop, "bench-fx-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (running) {
            StackTraceElement[] st = target.getStackTrace();
            if (st.length > 0 && !isIdle(st)) {
                synchronized (this) {
                    samples++;
                    self.merge(frame(st[0]), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (StackTraceElement e : st) {
                        String f = frame(e);
                        if (seen.add(f)) inclusive.merge(f, 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isIdle(StackTraceElement[] st) {
        String m = st[0].getMethodName();
        return m.equals("_runLoop") || m.equals("waitForEvents") || m.equals("park") || m.equals("wait") || m.equals("wait0");
    }

    private static String frame(StackTraceElement e) {
        return e.getClassName() + "." + e.getMethodName();
    }

    /** Stops and prints the top frames (busy samples only). */
    synchronized void stopAndPrint(int top) {
        running = false;
        System.out.println("# sample busy samples=" + samples);
        print("inclusive", inclusive, top);
        print("self", self, top / 2);
    }

    private void print(String what, Map<String, Integer> m, int top) {
        List<Map.Entry<String, Integer>> l = new java.util.ArrayList<>(m.entrySet());
        l.sort((a, b) -> b.getValue() - a.getValue());
        for (var e : l.subList(0, Math.min(top, l.size()))) System.out.println("# sample " + what + " " + e.getValue() + " " + e.getKey());
    }
}
