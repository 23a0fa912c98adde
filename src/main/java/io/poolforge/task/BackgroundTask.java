package io.poolforge.task;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A unit of background work with a title, a message, progress and cancel, and callbacks for
 * success, failure, cancel and finally. It knows nothing of threads or JavaFX: a
 * {@link TaskExecutor} decides where the work and the callbacks run.
 *
 * <p>Callback order, always: {@code onRunning}, then exactly one of {@code onSuccess},
 * {@code onFailure} or {@code onCancelled}, then {@code onFinally}.
 */
public final class BackgroundTask<T> implements TaskContext {

    /** The work itself. It reports through the context and should check for cancel. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private final Work<T> work;
    private final List<TaskObserver> observers = new CopyOnWriteArrayList<>();
    private volatile String title;
    private volatile String message = "";
    /** Where the title's and the message's words come from, when they follow the UI's language (null: fixed text). */
    private volatile Supplier<String> titleSource;
    private volatile Supplier<String> messageSource;
    private volatile Progress progress = Progress.INDETERMINATE;
    private volatile boolean cancelled;
    private volatile Thread worker;

    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinally = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /**
     * A task whose title follows the UI's language: {@code title} renders it ({@code () -> i18n.get("key", args)}), now and
     * again whenever the executor is told the language changed ({@link #title()} asks it each time). PF-20: the status line
     * kept a running task's title in the language it started in.
     */
    public static <T> BackgroundTask<T> of(Supplier<String> title, Work<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>(Objects.requireNonNull(title, "title").get(), work);
        task.titleSource = title;
        return task;
    }

    public BackgroundTask<T> onRunning(Runnable r) { this.onRunning = Objects.requireNonNull(r); return this; }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) { this.onSuccess = Objects.requireNonNull(c); return this; }

    public BackgroundTask<T> onFailure(Consumer<? super Exception> c) { this.onFailure = Objects.requireNonNull(c); return this; }

    public BackgroundTask<T> onCancelled(Runnable r) { this.onCancelled = Objects.requireNonNull(r); return this; }

    public BackgroundTask<T> onFinally(Runnable r) { this.onFinally = Objects.requireNonNull(r); return this; }

    /**
     * A task that runs this one and then the one {@code next} makes of its result, in the same
     * worker, as one unit: one title, progress from each in turn, one cancel. Callbacks set on
     * this task are not called; set them on the result.
     */
    public <U> BackgroundTask<U> then(Function<? super T, BackgroundTask<U>> next) {
        BackgroundTask<T> first = this;
        BackgroundTask<U> chained = new BackgroundTask<>(title, ctx -> {
            T r = first.runIn(ctx);
            ctx.throwIfCancelled();
            BackgroundTask<U> second = Objects.requireNonNull(next.apply(r), "next task");
            return second.runIn(ctx);
        });
        chained.titleSource = titleSource;
        return chained;
    }

    /** Runs this task's work reporting into another task's context (used by chaining). */
    private T runIn(TaskContext outer) throws Exception {
        TaskObserver forward = new TaskObserver() {
            @Override public void titleChanged(String t) { outer.updateTitle(t); }
            @Override public void messageChanged(String m) { outer.updateMessage(m); }
            @Override public void progressChanged(Progress p) { outer.updateProgress(p.workDone(), p.total()); }
        };
        observers.add(forward);
        try {
            return work.run(new TaskContext() {
                @Override public void updateTitle(String t) { BackgroundTask.this.updateTitle(t); }
                @Override public void updateMessage(String m) { BackgroundTask.this.updateMessage(m); }
                @Override public void updateMessage(Supplier<String> m) { outer.updateMessage(m); }
                @Override public void updateProgress(long d, long t) { BackgroundTask.this.updateProgress(d, t); }
                @Override public boolean isCancelled() { return outer.isCancelled() || BackgroundTask.this.cancelled; }
            });
        } finally {
            observers.remove(forward);
        }
    }

    // ---- state ------------------------------------------------------------------------------

    /** The title, in the current language when it follows the language. */
    public String title() {
        Supplier<String> source = titleSource;
        return source == null ? title : render(source, title);
    }

    /** The message, in the current language when it follows the language. */
    public String message() {
        Supplier<String> source = messageSource;
        return source == null ? message : render(source, message);
    }

    private static String render(Supplier<String> source, String last) {
        try {
            String s = source.get();
            return s == null ? last : s;
        } catch (RuntimeException e) {
            return last;
        }
    }

    public Progress progress() { return progress; }

    @Override
    public void updateTitle(String title) {
        this.titleSource = null;
        this.title = Objects.requireNonNull(title);
        observers.forEach(o -> o.titleChanged(title));
    }

    @Override
    public void updateMessage(String message) {
        this.messageSource = null;
        this.message = message == null ? "" : message;
        observers.forEach(o -> o.messageChanged(this.message));
    }

    @Override
    public void updateMessage(Supplier<String> message) {
        String now = render(Objects.requireNonNull(message), "");
        this.message = now;
        this.messageSource = message;
        observers.forEach(o -> o.messageChanged(now));
    }

    @Override
    public void updateProgress(long workDone, long total) {
        Progress p = total < 0 ? Progress.INDETERMINATE : new Progress(Math.max(0, Math.min(workDone, total)), total);
        this.progress = p;
        observers.forEach(o -> o.progressChanged(p));
    }

    @Override
    public boolean isCancelled() { return cancelled; }

    /** Asks the work to stop: sets the flag it checks and interrupts its thread (blocking I/O ends). */
    public void cancel() {
        cancelled = true;
        Thread w = worker;
        if (w != null) w.interrupt();
    }

    public void addObserver(TaskObserver observer) { observers.add(Objects.requireNonNull(observer)); }

    public void removeObserver(TaskObserver observer) { observers.remove(observer); }

    // ---- for executors ----------------------------------------------------------------------

    /** The outcome of running the work: a result, a failure or a cancel. */
    public sealed interface Outcome<T> {
        record Success<T>(T value) implements Outcome<T> { }
        record Failure<T>(Exception error) implements Outcome<T> { }
        record Cancelled<T>() implements Outcome<T> { }
    }

    /** Runs the work on the calling thread and returns its outcome; never throws. Executors call this. */
    public Outcome<T> execute() {
        if (cancelled) return new Outcome.Cancelled<>();
        worker = Thread.currentThread();
        try {
            T value = work.run(this);
            if (cancelled) return new Outcome.Cancelled<>();
            return new Outcome.Success<>(value);
        } catch (TaskCancelledException e) {
            return new Outcome.Cancelled<>();
        } catch (InterruptedException e) {
            return cancelled ? new Outcome.Cancelled<>() : new Outcome.Failure<>(e);
        } catch (Exception e) {
            if (cancelled) return new Outcome.Cancelled<>();
            return new Outcome.Failure<>(e);
        } finally {
            worker = null;
            if (cancelled) Thread.interrupted(); // do not leak our interrupt into a pooled thread
        }
    }

    /** Calls onRunning. Executors call this where callbacks belong, before {@link #execute()}. */
    public void fireRunning() { onRunning.run(); }

    /** Delivers an outcome to the callbacks, in the documented order. */
    public void deliver(Outcome<T> outcome) {
        try {
            if (outcome instanceof Outcome.Success<T> s) {
                onSuccess.accept(s.value());
            } else if (outcome instanceof Outcome.Failure<T> f) {
                onFailure.accept(f.error());
            } else {
                onCancelled.run();
            }
        } finally {
            onFinally.run();
        }
    }
}
