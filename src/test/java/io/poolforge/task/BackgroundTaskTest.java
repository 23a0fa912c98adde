package io.poolforge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    private final TaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void reportsProgressAndMessagesToObservers() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of("count", ctx -> {
            for (int i = 1; i <= 3; i++) {
                ctx.updateMessage("step " + i);
                ctx.updateProgress(i, 3);
            }
            return 3;
        });
        task.addObserver(new TaskObserver() {
            @Override public void titleChanged(String title) { seen.add("title:" + title); }
            @Override public void messageChanged(String message) { seen.add(message); }
            @Override public void progressChanged(Progress p) { seen.add(p.workDone() + "/" + p.total()); }
        });
        AtomicReference<Integer> result = new AtomicReference<>();
        executor.execute(task.onSuccess(result::set));

        assertThat(result.get()).isEqualTo(3);
        assertThat(seen).containsExactly("step 1", "1/3", "step 2", "2/3", "step 3", "3/3");
        assertThat(task.progress().fraction()).isEqualTo(1.0);
        assertThat(task.message()).isEqualTo("step 3");
    }

    @Test
    void progressIsClampedAndIndeterminateWhenTotalUnknown() {
        BackgroundTask<Void> task = BackgroundTask.of("t", ctx -> null);
        task.updateProgress(7, 5);
        assertThat(task.progress()).isEqualTo(new Progress(5, 5));
        task.updateProgress(1, -1);
        assertThat(task.progress().isIndeterminate()).isTrue();
        assertThat(task.progress().fraction()).isEqualTo(-1);
    }

    @Test
    void callbacksRunInOrderOnSuccess() {
        List<String> order = new ArrayList<>();
        executor.execute(BackgroundTask.of("t", ctx -> "ok")
                .onRunning(() -> order.add("running"))
                .onSuccess(v -> order.add("success:" + v))
                .onFailure(e -> order.add("failure"))
                .onCancelled(() -> order.add("cancelled"))
                .onFinally(() -> order.add("finally")));
        assertThat(order).containsExactly("running", "success:ok", "finally");
    }

    @Test
    void failureIsDeliveredWithTheOriginalException() {
        List<String> order = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Exception> got = new AtomicReference<>();
        executor.execute(BackgroundTask.<String>of("t", ctx -> { throw boom; })
                .onSuccess(v -> order.add("success"))
                .onFailure(e -> { got.set(e); order.add("failure"); })
                .onFinally(() -> order.add("finally")));
        assertThat(got.get()).isSameAs(boom);
        assertThat(order).containsExactly("failure", "finally");
    }

    @Test
    void cancelledWorkSeesTheCancelAndStops() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        AtomicReference<String> outcome = new AtomicReference<>("none");
        List<Integer> iterations = new ArrayList<>();
        BackgroundTask<Void> task = BackgroundTask.<Void>of("loop", ctx -> {
            started.countDown();
            for (int i = 0; i < 1_000_000; i++) {
                if (ctx.isCancelled()) { sawCancel.set(true); break; }
                iterations.add(i);
                Thread.sleep(1);
            }
            ctx.throwIfCancelled();
            return null;
        }).onSuccess(v -> outcome.set("success"))
          .onFailure(e -> outcome.set("failure"))
          .onCancelled(() -> outcome.set("cancelled"));
        Thread worker = new Thread(() -> executor.execute(task));
        worker.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        worker.join(5_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(outcome.get()).isEqualTo("cancelled");
        assertThat(iterations.size()).isLessThan(1_000_000);
        // Either the flag was seen or the interrupt ended the sleep: both are the work stopping.
        assertThat(sawCancel.get() || iterations.size() < 1_000_000).isTrue();
    }

    @Test
    void cancelBeforeStartNeverRunsTheWork() {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        BackgroundTask<Void> task = BackgroundTask.<Void>of("t", ctx -> { ran.set(true); return null; })
                .onCancelled(() -> cancelled.set(true));
        task.cancel();
        executor.execute(task);
        assertThat(ran).isFalse();
        assertThat(cancelled).isTrue();
    }

    @Test
    void chainedTasksRunInOrderAndForwardProgress() {
        List<String> messages = new ArrayList<>();
        BackgroundTask<Integer> chain = BackgroundTask.of("first", ctx -> {
            ctx.updateMessage("one");
            return 20;
        }).then(v -> BackgroundTask.of("second", ctx -> {
            ctx.updateMessage("two");
            ctx.updateProgress(1, 1);
            return v + 1;
        }));
        chain.addObserver(new TaskObserver() {
            @Override public void titleChanged(String title) { }
            @Override public void messageChanged(String message) { messages.add(message); }
            @Override public void progressChanged(Progress p) { }
        });
        AtomicReference<Integer> result = new AtomicReference<>();
        executor.execute(chain.onSuccess(result::set));
        assertThat(result.get()).isEqualTo(21);
        assertThat(messages).containsExactly("one", "two");
        assertThat(chain.progress()).isEqualTo(new Progress(1, 1));
    }

    @Test
    void aFailingFirstTaskStopsTheChain() {
        AtomicBoolean secondRan = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        BackgroundTask<String> chain = BackgroundTask.<Integer>of("first", ctx -> { throw new IllegalArgumentException("bad"); })
                .then(v -> BackgroundTask.of("second", ctx -> { secondRan.set(true); return "x"; }));
        executor.execute(chain.onFailure(failure::set));
        assertThat(secondRan).isFalse();
        assertThat(failure.get()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
    }
}
