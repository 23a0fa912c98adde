package io.poolforge.azure.sdk;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads behind azure-core's shared executor ({@code com.azure.core.util.SharedExecutorService}), installed once
 * through its public {@code setExecutorService} before the first SDK client (PF-21, third pass: memory at connection).
 *
 * <p>Why: azure-core's own pool has 10 threads per core (azure-core 1.49.0 changelog, "global thread pool",
 * Azure/azure-sdk-for-java#38860, read 2026-12-07) and is a scheduled pool whose core size is that maximum; such a pool
 * starts a new thread for every task it is given until it has its core size, even while the earlier ones sit idle. The
 * JDK HTTP client adapter 1.1.4 gives that pool every blocking read of a response body that has a read timeout
 * ({@code InputStreamWithReadTimeout}, read in the jar's bytecode, 2026-12-07), so by the time the first-run sandbox
 * was connected it had made 19 threads, each with its stack and malloc arena, most of them idle ever after.
 *
 * <p>What this one does instead: tasks run on a cached pool (the shape of the JDK HTTP client's own default executor)
 * that reuses an idle thread, starts one only when none is free, has <b>no upper bound</b> (a blocked read can never
 * keep another task from running, so no deadlock a cap could cause) and lets a thread go after 30 s idle; delayed and
 * periodic tasks (the SDK's response time-outs) run on one scheduler thread, which also goes after 30 s idle. Daemon
 * threads, as azure-core's. Turned off with {@code -Dpoolforge.sdkSharedPool=azure} (azure-core's pool as shipped).
 */
final class SdkThreads extends AbstractExecutorService implements ScheduledExecutorService {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final int IDLE_SECONDS = 30;

    private final ThreadPoolExecutor tasks;
    private final ScheduledThreadPoolExecutor timer;

    SdkThreads() {
        tasks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("poolforge-sdk-"));
        timer = new ScheduledThreadPoolExecutor(1, daemon("poolforge-sdk-timer-"));
        timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Installs these threads as azure-core's shared executor, once per process (idempotent). */
    static void install() {
        if ("azure".equals(System.getProperty("poolforge.sdkSharedPool"))) return;
        if (!INSTALLED.compareAndSet(false, true)) return;
        com.azure.core.util.SharedExecutorService.getInstance().setExecutorService(new SdkThreads());
    }

    /** How many threads run tasks now (for tests). */
    int taskThreads() {
        return tasks.getPoolSize();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void execute(Runnable command) {
        tasks.execute(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timer.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return timer.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timer.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        tasks.shutdown();
        timer.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> out = new java.util.ArrayList<>(tasks.shutdownNow());
        out.addAll(timer.shutdownNow());
        return out;
    }

    @Override
    public boolean isShutdown() {
        return tasks.isShutdown() && timer.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return tasks.isTerminated() && timer.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        return tasks.awaitTermination(timeout, unit) && timer.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
