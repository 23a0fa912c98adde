package io.poolforge.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Ctrl+C (SIGINT, SIGTERM) while a command works: a shutdown hook asks the command to stop (the
 * runner checks {@link #cancelled()} between steps and while it polls), waits until the command has
 * written its journal and said what it did, then ends the JVM with the command's exit code (4,
 * {@link ExitCodes#INTERRUPTED}, when it stopped early).
 * Without the hook the JVM would end at once, possibly in the middle of a step. Remove it with
 * {@link #finished(int)} when the command is done.
 */
final class Interrupts implements AutoCloseable {
    /** How long the hook waits for the command to stop cleanly before ending the JVM anyway. */
    static final long GRACE_SECONDS = 20;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(ExitCodes.INTERRUPTED);
    private final Thread hook;
    private boolean installed;

    private Interrupts() {
        hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode.get());
        }, "poolforge-interrupt");
    }

    /** Installs the hook for the command that is starting. */
    static Interrupts install() {
        Interrupts i = new Interrupts();
        try {
            Runtime.getRuntime().addShutdownHook(i.hook);
            i.installed = true;
        } catch (IllegalStateException e) {
            i.cancelled.set(true); // the JVM is already shutting down
        }
        return i;
    }

    BooleanSupplier cancelled() {
        return cancelled::get;
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * The command is done (its output written) with {@code code}: lets a pending hook end the JVM with it
     * (4 unless the command finished anyway), or removes the hook.
     */
    void finished(int code) {
        exitCode.set(code);
        close();
    }

    @Override
    public void close() {
        finished.countDown();
        if (!installed) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running and ends the JVM with exit code 4.
        }
    }
}
