package io.poolforge.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps events waiting: a probe thread posts a {@code runLater}
 * every 5 ms and records how late it runs (by phase of the flow), and an AnimationTimer records the
 * longest gap between pulses (a pulse is due every 16.7 ms while the timer runs).
 */
final class FxStallProbe {
    private final Map<String, Double> maxByPhase = new LinkedHashMap<>();
    private final Map<String, Double> cpuMaxByPhase = new LinkedHashMap<>();
    private final Map<String, Double> cssLayoutMaxByPhase = new LinkedHashMap<>();
    private long pulseCpuStart;
    private final List<Double> all = new ArrayList<>();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile long fxThreadId;
    private double worstCpuMs;
    private double worstWaitMs;
    private double maxCpuMs;
    private String maxCpuPhase = "";
    private int cpuOver50;
    private volatile String phase = "idle";
    private volatile boolean running = true;
    private long lastPulse;
    private double maxPulseGapMs;
    private String maxPulsePhase = "";
    private final AnimationTimer pulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                double gap = Bench.ms(now - lastPulse);
                if (gap > maxPulseGapMs) {
                    maxPulseGapMs = gap;
                    maxPulsePhase = phase;
                }
            }
            lastPulse = now;
        }
    };
    private Thread thread;

    /**
     * Also times the main scene's CSS and layout passes in each pulse (between its pre- and post-layout pulse listeners,
     * FX-thread CPU), by phase: which part of a long piece is the first CSS/layout of new nodes. Call on the FX thread.
     */
    void watch(javafx.scene.Scene scene) {
        scene.addPreLayoutPulseListener(() -> pulseCpuStart = threads.getCurrentThreadCpuTime());
        scene.addPostLayoutPulseListener(() -> {
            double ms = Bench.ms(threads.getCurrentThreadCpuTime() - pulseCpuStart);
            synchronized (this) {
                cssLayoutMaxByPhase.merge(phase, ms, Math::max);
            }
        });
    }

    /** Call on the FX thread. */
    void start() {
        fxThreadId = Thread.currentThread().getId();
        pulses.start();
        thread = new Thread(this::loop, "fx-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void phase(String name) {
        phase = name;
    }

    private void loop() {
        while (running) {
            long posted = System.nanoTime();
            long cpuBefore = threads.getThreadCpuTime(fxThreadId);
            CountDownLatch ran = new CountDownLatch(1);
            String at = phase;
            Platform.runLater(() -> {
                // How much of the wait the FX thread spent on the CPU (work) rather than waiting to be scheduled.
                record(at, Bench.ms(System.nanoTime() - posted), Bench.ms(threads.getCurrentThreadCpuTime() - cpuBefore));
                ran.countDown();
            });
            try {
                ran.await();
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(String at, double ms, double cpuMs) {
        all.add(ms);
        if (ms > worstWaitMs) {
            worstWaitMs = ms;
            worstCpuMs = cpuMs;
        }
        if (cpuMs > 50) cpuOver50++;
        if (cpuMs > maxCpuMs) {
            maxCpuMs = cpuMs;
            maxCpuPhase = at;
        }
        maxByPhase.merge(at, ms, Math::max);
        cpuMaxByPhase.merge(at, cpuMs, Math::max);
    }

    /** Stops the probe (call on the FX thread) and adds its figures to the result. */
    synchronized void stopInto(Bench.Result r) {
        running = false;
        pulses.stop();
        double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
        r.put("stallSamples", v.length)
                .put("stallP50Ms", Bench.median(v))
                .put("stallP99Ms", Bench.percentile(v, 99))
                .put("stallMaxMs", Bench.max(v))
                .put("stallMaxFxCpuMs", worstCpuMs)
                .put("fxBusyMaxMs", maxCpuMs).put("fxBusyMaxPhase", maxCpuPhase).put("fxBusyOver50", cpuOver50)
                .put("stallOver50", java.util.Arrays.stream(v).filter(x -> x > 50).count())
                .put("pulseGapMaxMs", maxPulseGapMs)
                .put("pulseGapMaxPhase", maxPulsePhase);
        StringBuilder phases = new StringBuilder();
        maxByPhase.forEach((k, x) -> phases.append(phases.length() == 0 ? "" : ",").append(k).append(':')
                .append(String.format(java.util.Locale.ROOT, "%.0f", x)));
        r.put("stallMaxByPhase", phases.toString());
        // The FX thread's longest piece of work (CPU) in each phase: which phases are over 50 ms, not only the worst.
        StringBuilder cpu = new StringBuilder();
        cpuMaxByPhase.forEach((k, x) -> cpu.append(cpu.length() == 0 ? "" : ",").append(k).append(':')
                .append(String.format(java.util.Locale.ROOT, "%.0f", x)));
        r.put("fxBusyMaxByPhase", cpu.toString());
        StringBuilder css = new StringBuilder();
        cssLayoutMaxByPhase.forEach((k, x) -> css.append(css.length() == 0 ? "" : ",").append(k).append(':')
                .append(String.format(java.util.Locale.ROOT, "%.0f", x)));
        r.put("cssLayoutMaxByPhase", css.toString());
    }
}
