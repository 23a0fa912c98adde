package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.task.BackgroundTask;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PF-20: the status line (#task-bar-text) kept a running task's title in the language the task started in after a language
 * switch. In the real app (its executor, its language switch), a task running across a switch reads in the new language —
 * title and message — and back.
 */
class TaskBarLanguageTest extends io.poolforge.ui.WindowTest {

    private static String taskBar(FxRobot robot) {
        return robot.lookup("#task-bar-text").queryAs(Label.class).getText();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(20);
        }
    }

    @Test
    void theRunningTasksTitleAndMessageFollowALanguageSwitch(FxRobot robot) throws Exception {
        I18n i18n = context.i18n();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        robot.interact(() -> context.tasks().execute(BackgroundTask.<Void>of(() -> i18n.get("wizard.create.task", "pool-7"), ctx -> {
            ctx.updateMessage(() -> i18n.get("wizard.create.step.running", "snap-os"));
            release.await(60, TimeUnit.SECONDS);
            return null;
        }).onFinally(finished::countDown)));
        try {
            waitUntil(() -> "Creating pool pool-7 \u2014 Working on snap-os".equals(taskBar(robot)));
            assertThat(taskBar(robot)).isEqualTo("Creating pool pool-7 \u2014 Working on snap-os");

            robot.interact(() -> i18n.setLocale(Locale.forLanguageTag("es")));
            waitUntil(() -> taskBar(robot).startsWith("Creando"));
            assertThat(taskBar(robot)).isEqualTo("Creando el grupo pool-7 \u2014 Trabajando en snap-os");

            robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
            waitUntil(() -> taskBar(robot).startsWith("Creating"));
            assertThat(taskBar(robot)).isEqualTo("Creating pool pool-7 \u2014 Working on snap-os");
        } finally {
            release.countDown();
        }
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
