package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.poolforge.domain.PoolForgeException;
import io.poolforge.i18n.Messages;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF-22: the holder of a run's lock is never shown as "?", also when it is read before the holder wrote its name. */
class RunLockHolderTest {
    @TempDir
    Path dir;

    private static String message(PoolForgeException e, String lang) {
        return new Messages(Locale.forLanguageTag(lang)).get(e.key(), e.args());
    }

    @Test
    void aSecondWriterIsToldWhichProcessHoldsTheLock() {
        Path file = dir.resolve("run-x.lock");
        try (RunLock first = RunLock.acquire(file, "20261207-070000-abcd")) {
            PoolForgeException e = catchThrowableOfType(() -> RunLock.acquire(file, "20261207-070000-abcd"), PoolForgeException.class);
            assertThat(e.key()).isEqualTo("run.error.locked");
            assertThat(message(e, "en")).contains("(pid " + ProcessHandle.current().pid() + " since ").doesNotContain("(?;");
        }
    }

    @Test
    void readEarlyTheHolderIsAProcessJustStartingNeverAQuestionMark() throws Exception {
        Path file = dir.resolve("run-y.lock");
        // A holder that has the OS lock but has not written who it is yet (the moment PF-9's test caught).
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            PoolForgeException e = catchThrowableOfType(() -> RunLock.acquire(file, "20261207-070000-abcd"), PoolForgeException.class);
            assertThat(message(e, "en")).contains("a process that is just starting").doesNotContain("?");
            assertThat(message(e, "es")).contains("un proceso que acaba de empezar");

            // Written a moment later: the reader waits for it and names it.
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    AtomicFiles.write(RunLock.holderFile(file), ("pid " + ProcessHandle.current().pid() + " since 2026-12-07T07:00:00Z")
                            .getBytes(StandardCharsets.UTF_8));
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            late.start();
            PoolForgeException again = catchThrowableOfType(() -> RunLock.acquire(file, "20261207-070000-abcd"), PoolForgeException.class);
            late.join();
            assertThat(message(again, "en")).contains("pid " + ProcessHandle.current().pid() + " since 2026-12-07T07:00:00Z");
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
