package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolforge.domain.PoolForgeException;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.TestPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {
    @TempDir
    Path runs;

    private final PlanCodec codec = new PlanCodec();

    @Test
    void aRunKeepsItsResolvedPlanBesideItsJournal() throws IOException {
        JournalStore store = new JournalStore(runs, codec);
        Journal j = store.start(TestPlans.plan(TestPlans.MANAGED), JournalTest.RUN, JournalTest.T0);
        Path dir = runs.resolve(JournalTest.RUN.value());
        assertThat(dir.resolve(JournalStore.PLAN_FILE)).exists();
        assertThat(dir.resolve(JournalStore.JOURNAL_FILE)).exists();
        assertThat(store.plan(j).snapshots().osDisk().snapshotName()).endsWith(JournalTest.RUN.value());
        assertThat(store.load(j.runId())).isEqualTo(j);

        j = j.with(j.step("snapshot-os").started(JournalTest.T0));
        store.save(j);
        assertThat(store.load(j.runId())).isEqualTo(j);
        String text = Files.readString(dir.resolve(JournalStore.JOURNAL_FILE));
        assertThat(text).contains("\"status\" : \"STARTED\"", "\"startedAt\" : \"2026-05-01T14:22:33Z\"");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    JournalStore.PLAN_FILE, JournalStore.JOURNAL_FILE);
        }
        assertThatThrownBy(() -> store.start(TestPlans.plan(TestPlans.MANAGED), JournalTest.RUN, JournalTest.T0))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.key()).isEqualTo("run.error.exists"));
    }

    @Test
    void listsUnfinishedRunsNewestFirstAndSkipsFinishedOnes() {
        JournalStore store = new JournalStore(runs, codec);
        RunId older = RunId.create(JournalTest.T0, new SplittableRandom(1));
        RunId newer = RunId.create(JournalTest.T0.plusSeconds(3600), new SplittableRandom(2));
        RunId done = RunId.create(JournalTest.T0.plusSeconds(60), new SplittableRandom(3));
        store.start(TestPlans.plan(TestPlans.GALLERY), older, JournalTest.T0);
        store.start(TestPlans.plan(TestPlans.GALLERY), newer, JournalTest.T0);
        Journal d = store.start(TestPlans.plan(TestPlans.GALLERY), done, JournalTest.T0);
        for (StepRecord s : d.steps()) d = d.with(s.started(JournalTest.T0).succeeded(JournalTest.T0, null, true));
        store.save(d);
        assertThat(store.unfinished()).extracting(Journal::runId).containsExactly(newer.value(), older.value());
    }

    @Test
    void refusesAnEditedPlanAnUnknownJournalVersionAndPathsOutsideTheRunsFolder() throws IOException {
        JournalStore store = new JournalStore(runs, codec);
        Journal j = store.start(TestPlans.plan(TestPlans.GALLERY), JournalTest.RUN, JournalTest.T0);
        Path dir = runs.resolve(j.runId());
        Path plan = dir.resolve(JournalStore.PLAN_FILE);
        Files.writeString(plan, Files.readString(plan).replace("\"targetDedicatedNodes\" : 2", "\"targetDedicatedNodes\" : 3"));
        assertThatThrownBy(() -> store.plan(j))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.key()).isEqualTo("run.error.planChanged"));
        Path journal = dir.resolve(JournalStore.JOURNAL_FILE);
        Files.writeString(journal, Files.readString(journal).replace("\"journalVersion\" : 1", "\"journalVersion\" : 9"));
        assertThatThrownBy(() -> store.load(j.runId()))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.key()).isEqualTo("run.error.journalVersion"));
        assertThatThrownBy(() -> store.load("../../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaryFiles() throws IOException {
        Path f = runs.resolve("sub/file.json");
        AtomicFiles.write(f, "first, longer content".getBytes());
        AtomicFiles.write(f, "second".getBytes());
        assertThat(f).hasContent("second");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
    }
}
