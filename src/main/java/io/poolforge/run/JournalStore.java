package io.poolforge.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.plan.LoadedPlan;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs folder ({@code AppPaths.runs()}): one folder per run, named by its {@link RunId}, holding the
 * run's resolved plan and its journal side by side. Every write is atomic ({@link AtomicFiles}).
 */
public final class JournalStore {
    private static final Logger LOG = LoggerFactory.getLogger(JournalStore.class);
    /** The run's resolved plan (names filled in). */
    public static final String PLAN_FILE = "run-plan.json";
    public static final String JOURNAL_FILE = "journal.json";
    /** What a clean-up deleted (in the folder of a cleaned-up run). */
    public static final String CLEANUP_FILE = "cleanup.json";
    /** The folder under runs/ that keeps cleaned-up runs. */
    public static final String CLEANED_UP_DIR = "cleaned-up";
    /** The folder under runs/ with the lock files. */
    public static final String LOCKS_DIR = ".locks";

    private final Path runsDir;
    private final PlanCodec codec;
    private final ObjectMapper mapper = PlanJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JournalStore(Path runsDir, PlanCodec codec) {
        this.runsDir = runsDir;
        this.codec = codec;
    }

    public Path runDir(String runId) { return runsDir.resolve(new RunId(runId).value()); }

    /** Starts a run: resolves the plan's names from the run id, writes the plan and a journal of PENDING steps. */
    public Journal start(Plan plan, RunId runId, Instant now) {
        Plan resolved = RunSteps.resolve(plan, runId);
        Journal journal = RunSteps.newJournal(resolved, runId, codec, now);
        Path dir = runDir(runId.value());
        if (Files.exists(dir)) throw new PoolForgeException("run.error.exists", runId.value());
        write(dir.resolve(PLAN_FILE), codec.write(resolved));
        save(journal);
        return journal;
    }

    /** Writes the journal's new state (intent before a call, result after it). */
    public void save(Journal journal) {
        write(runDir(journal.runId()).resolve(JOURNAL_FILE), PlanJson.pretty(mapper, journal));
    }

    public Journal load(String runId) {
        Path file = runDir(runId).resolve(JOURNAL_FILE);
        try {
            JsonNode tree = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            int version = tree.path("journalVersion").asInt(-1);
            if (version != Journal.CURRENT_VERSION) {
                throw new PoolForgeException("run.error.journalVersion", file.toString(), version, Journal.CURRENT_VERSION);
            }
            return mapper.treeToValue(tree, Journal.class);
        } catch (IOException e) {
            throw new PoolForgeException("run.error.journalUnreadable", e, file.toString());
        }
    }

    /** The run's resolved plan, checked against the journal's digest (a plan edited since is refused). */
    public Plan plan(Journal journal) {
        LoadedPlan loaded = codec.read(runDir(journal.runId()).resolve(PLAN_FILE));
        if (!codec.sha256(loaded.plan()).equals(journal.planSha256())) {
            throw new PoolForgeException("run.error.planChanged", journal.runId());
        }
        return loaded.plan();
    }

    /** Runs with steps left to do, newest first (what the app offers to resume). Unreadable journals are logged and left out. */
    public List<Journal> unfinished() {
        if (!Files.isDirectory(runsDir)) return List.of();
        List<Journal> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (!Files.exists(d.resolve(JOURNAL_FILE))) continue;
                try {
                    Journal j = load(name);
                    if (!j.complete()) out.add(j);
                } catch (PoolForgeException | IllegalArgumentException e) {
                    LOG.warn("Skipping run folder {}: {}", d, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new PoolForgeException("run.error.journalUnreadable", e, runsDir.toString());
        }
        out.sort(Comparator.comparing(Journal::runId).reversed());
        return List.copyOf(out);
    }

    /** Every readable run (finished or not), newest first. Unreadable journals are logged and left out. */
    public List<Journal> all() {
        if (!Files.isDirectory(runsDir)) return List.of();
        List<Journal> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                if (!Files.exists(d.resolve(JOURNAL_FILE))) continue;
                try {
                    out.add(load(d.getFileName().toString()));
                } catch (PoolForgeException | IllegalArgumentException e) {
                    LOG.warn("Skipping run folder {}: {}", d, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new PoolForgeException("run.error.journalUnreadable", e, runsDir.toString());
        }
        out.sort(Comparator.comparing(Journal::runId).reversed());
        return List.copyOf(out);
    }

    /** A run folder whose journal cannot be read (damaged, truncated, or gone while the run's plan is there). */
    public record Damaged(String runId, Path journal, io.poolforge.domain.LocalizedText reason, boolean planReadable) {
    }

    /** Run folders with an unreadable or missing journal (never skipped silently: a run over them could duplicate). */
    public List<Damaged> damaged() {
        if (!Files.isDirectory(runsDir)) return List.of();
        List<Damaged> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (!RunId.isValid(name)) continue;
                Path file = d.resolve(JOURNAL_FILE);
                io.poolforge.domain.LocalizedText reason = null;
                if (!Files.exists(file)) {
                    if (Files.exists(d.resolve(PLAN_FILE))) reason = io.poolforge.domain.LocalizedText.of("run.damaged.missing", JOURNAL_FILE);
                } else {
                    try {
                        load(name);
                    } catch (PoolForgeException | IllegalArgumentException e) {
                        reason = describe(e);
                        LOG.warn("Damaged run journal {}: {}", file, reason, e);
                    }
                }
                if (reason == null) continue;
                boolean planReadable;
                try {
                    codec.read(d.resolve(PLAN_FILE));
                    planReadable = true;
                } catch (RuntimeException e) {
                    planReadable = false;
                }
                out.add(new Damaged(name, file, reason, planReadable));
            }
        } catch (IOException e) {
            throw new PoolForgeException("run.error.journalUnreadable", e, runsDir.toString());
        }
        out.sort(Comparator.comparing(Damaged::runId).reversed());
        return List.copyOf(out);
    }

    /** Why a journal cannot be read, in the user's words (PF-22: no parser internals): where it breaks, if known. */
    private static io.poolforge.domain.LocalizedText describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException j && !j.getPath().isEmpty()) {
                return io.poolforge.domain.LocalizedText.of("run.damaged.field", PlanCodec.path(j));
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                return io.poolforge.domain.LocalizedText.of("run.damaged.notJson", j.getLocation().getLineNr(),
                        j.getLocation().getColumnNr());
            }
        }
        return io.poolforge.domain.LocalizedText.of("run.damaged.unreadable");
    }

    /** The name the damaged journal of {@code runId} is kept under by {@link #restart} at {@code now}. */
    public Path damagedCopy(String runId, Instant now) {
        return runDir(runId).resolve(JOURNAL_FILE + ".damaged-" + now.toEpochMilli());
    }

    /** The resolved plan kept in a run's folder (also when its journal is damaged). */
    public Plan planOfRun(String runId) {
        return codec.read(runDir(runId).resolve(PLAN_FILE)).plan();
    }

    /**
     * Recovery of a run whose journal is damaged: the damaged file is kept beside as {@code journal.json.damaged-T}
     * and a journal of PENDING steps is written from the run's plan; resuming it reads Azure's state (the run's tags)
     * and so finds what the run made without making it again.
     */
    public Journal restart(String runId, Instant now) {
        Plan resolved = planOfRun(runId);
        Path file = runDir(runId).resolve(JOURNAL_FILE);
        try {
            if (Files.exists(file)) {
                Files.move(file, damagedCopy(runId, now));
            }
        } catch (IOException e) {
            throw new PoolForgeException("run.error.write", e, file.toString());
        }
        Journal journal = RunSteps.newJournal(resolved, new RunId(runId), codec, now);
        save(journal);
        return journal;
    }

    /** The lock of one run (one writer per run). */
    public RunLock lockRun(String runId) {
        return RunLock.acquire(runsDir.resolve(LOCKS_DIR).resolve("run-" + new RunId(runId).value() + ".lock"), runId);
    }

    /** The lock of a plan (one new run of a plan at a time), by the digest of the plan as given. */
    public RunLock lockPlan(Plan plan, String label) {
        return RunLock.acquire(runsDir.resolve(LOCKS_DIR).resolve("plan-" + codec.sha256(plan).substring(0, 32) + ".lock"), label);
    }

    /** Where {@link #archiveCleanedUp} keeps the folders of runs whose resources were deleted. */
    public Path cleanedUpDir() { return runsDir.resolve(CLEANED_UP_DIR); }

    /**
     * After a complete clean-up: records what was deleted ({@value #CLEANUP_FILE}) and moves the run's
     * folder to {@code runs/cleaned-up/}, so that it is neither offered for resume nor cleaned up again.
     * Returns the new folder.
     */
    public Path archiveCleanedUp(Journal journal, List<String> deletedIds, Instant now) {
        Path dir = runDir(journal.runId());
        var record = new java.util.LinkedHashMap<String, Object>();
        record.put("runId", journal.runId());
        record.put("cleanedUpAt", now.toString());
        record.put("deleted", List.copyOf(deletedIds));
        write(dir.resolve(CLEANUP_FILE), PlanJson.pretty(mapper, record));
        Path target = cleanedUpDir().resolve(dir.getFileName());
        try {
            Files.createDirectories(cleanedUpDir());
            Files.move(dir, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PoolForgeException("run.error.write", e, target.toString());
        }
        return target;
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PoolForgeException("run.error.write", e, file.toString());
        }
    }
}
