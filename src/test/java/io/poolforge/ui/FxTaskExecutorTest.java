package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.task.BackgroundTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The desktop executor: work off the FX thread, callbacks on it, in order; running list kept. */
class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void runsWorkOffTheFxThreadAndCallbacksOnIt() throws Exception {
        AtomicReference<Boolean> workOnFx = new AtomicReference<>();
        List<String> callbacks = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(BackgroundTask.of("t", ctx -> {
            workOnFx.set(Platform.isFxApplicationThread());
            return 42;
        }).onRunning(() -> callbacks.add("running:" + Platform.isFxApplicationThread()))
          .onSuccess(v -> callbacks.add("success:" + v + ":" + Platform.isFxApplicationThread()))
          .onFinally(() -> { callbacks.add("finally:" + Platform.isFxApplicationThread()); done.countDown(); }));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(workOnFx.get()).isFalse();
        assertThat(callbacks).containsExactly("running:true", "success:42:true", "finally:true");
    }

    @Test
    void listsRunningTasksWithTheirProgressAndRemovesThemWhenDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch progressed = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        executor.execute(BackgroundTask.<Void>of("Snapshot os disk", ctx -> {
            ctx.updateMessage("copying");
            ctx.updateProgress(1, 4);
            progressed.countDown();
            release.await(5, TimeUnit.SECONDS);
            return null;
        }).onFinally(finished::countDown));
        assertThat(progressed.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicReference<String> seen = new AtomicReference<>();
        // Task updates are coalesced onto the FX thread: wait until they have landed.
        for (int i = 0; i < 100 && seen.get() == null; i++) {
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                var tasks = executor.runningTasks();
                if (tasks.size() == 1 && "copying".equals(tasks.get(0).getMessage()) && tasks.get(0).getProgress() == 0.25) {
                    seen.set(tasks.get(0).getTitle());
                }
                read.countDown();
            });
            read.await(5, TimeUnit.SECONDS);
            if (seen.get() == null) Thread.sleep(20);
        }
        assertThat(seen.get()).isEqualTo("Snapshot os disk");
        release.countDown();
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch read = new CountDownLatch(1);
        AtomicReference<Integer> left = new AtomicReference<>();
        Platform.runLater(() -> { left.set(executor.runningTasks().size()); read.countDown(); });
        read.await(5, TimeUnit.SECONDS);
        assertThat(left.get()).isZero();
    }

    @Test
    void cancelFromTheProgressViewReachesTheWork() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        executor.execute(BackgroundTask.<Void>of("long", ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) Thread.sleep(5);
            return null;
        }).onCancelled(cancelled::countDown));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        // A TaskProgressView cancel button calls Task.cancel() on the FX thread.
        Platform.runLater(() -> executor.runningTasks().forEach(t -> t.cancel()));
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
