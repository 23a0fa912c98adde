package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SecretMasker;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Finding;
import io.poolforge.plan.LoadedPlan;
import io.poolforge.plan.OfflineDomainRules;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.PlanValidator;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.Preflight;
import io.poolforge.run.RunId;
import io.poolforge.run.RunLock;
import io.poolforge.run.RunSteps;
import io.poolforge.run.StepRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge run PLAN [--resume | --clean-up] [--run-id ID]}: executes the plan through
 * {@link PlanRunner} with a journal in the PoolForge folder's {@code runs/} (the desktop's create step
 * runs the same code), resumes an interrupted run from its first unfinished step, or deletes exactly
 * what a run created. Progress on stderr, one line per step start and finish ({@link RunProgress}); the
 * result on stdout ({@link RunOutput}); the clean-up is {@link RunCleanUp}'s, a run whose journal is damaged
 * {@link DamagedRun}'s.
 */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = RunCommand.Help.class)
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Parameters(index = "0", paramLabel = "PLAN", descriptionKey = "cli.param.plan")
    Path planFile;

    @Option(names = "--resume", descriptionKey = "cli.run.option.resume")
    boolean resume;

    @Option(names = "--clean-up", descriptionKey = "cli.run.option.cleanUp")
    boolean cleanUp;

    @Option(names = "--run-id", paramLabel = "ID", descriptionKey = "cli.run.option.runId")
    String runId;

    @Option(names = "--yes", descriptionKey = "cli.run.option.yes")
    boolean yes;

    /** Test hook: stop (and wait to be killed) after step STEP's result is written, or after its intent with STEP:start. */
    @Option(names = "--pause-after", paramLabel = "STEP", hidden = true)
    String pauseAfter;

    @Mixin
    CliOptions options;

    @Mixin
    ConnectionOptions connection;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    private final PlanCodec codec = new PlanCodec();
    private final ObjectMapper mapper = PlanJson.newMapper();
    private final Clock clock = Clock.systemUTC();

    /** Localizes this command's help. */
    static final class Help extends LocalizedHelp.Transformer {
        Help() {
            super("cli.run.description");
        }
    }

    private Messages m;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() {
        m = options.messages(spec);
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        if (resume && cleanUp) throw usage(m.get("cli.run.error.resumeAndCleanUp"));
        if (runId != null && !resume && !cleanUp) throw usage(m.get("cli.run.error.runIdAlone"));
        if (runId != null && !validRunId(runId)) throw usage(m.get("cli.run.error.badRunId", runId));
        connection.check(spec, m);
        Interrupts interrupts = Interrupts.install();
        int code = ExitCodes.INTERRUPTED;
        try {
            code = execute(interrupts);
            return code;
        } finally {
            out.flush();
            err.flush();
            interrupts.finished(code);
        }
    }

    private Integer execute(Interrupts interrupts) {
        Plan plan;
        try {
            LoadedPlan loaded = codec.read(planFile);
            if (loaded.migrated()) {
                err.println(m.get("cli.plan.migrated", planFile, loaded.fileVersion(), loaded.plan().planVersion()));
            }
            plan = loaded.plan();
        } catch (PoolForgeException e) {
            if (Findings.isUsage(e)) {
                err.println(m.get(e.key(), e.args()));
                return ExitCodes.USAGE;
            }
            // PF-22: a plan that is not a well-formed plan is refused with its own code; nothing is made.
            Findings.print(err, m, List.of(Findings.unreadable(e)));
            err.println(m.get("cli.run.refused", planFile));
            return ExitCodes.RULE_VIOLATIONS;
        }
        List<Finding> findings = new PlanValidator(codec, new OfflineDomainRules()).validate(plan);
        Findings.print(err, m, findings);
        if (Finding.anyBlocking(findings)) {
            err.println(m.get("cli.run.refused", planFile));
            return ExitCodes.RULE_VIOLATIONS;
        }
        JournalStore store = new JournalStore(PoolForgeHome.of(root).resolve("runs"), codec);
        // One new run of a plan at a time, one writer per run: the plan's lock first, then the run's.
        try (RunLock planLock = store.lockPlan(plan, planFile.toString())) {
            return locked(store, plan, interrupts, findings);
        } catch (PoolForgeException e) {
            if (!e.key().equals("run.error.locked")) throw e;
            err.println(m.get(e.key(), e.args()));
            return ExitCodes.USAGE;
        }
    }

    private Integer locked(JournalStore store, Plan plan, Interrupts interrupts, List<Finding> findings) {
        List<JournalStore.Damaged> damaged = store.damaged().stream().filter(d -> DamagedRun.ofThisPlan(codec, store, plan, d)).toList();
        Journal journal;
        if (runId != null) {
            Optional<Journal> j = store.all().stream().filter(r -> r.runId().equals(runId)).findFirst();
            Optional<JournalStore.Damaged> broken = damaged.stream().filter(d -> d.runId().equals(runId)).findFirst();
            if (j.isEmpty() && cleanUp) {
                // Journal damaged or gone: Azure's tags say what the run made.
                return withRunLock(store, runId, () -> damagedRun().cleanUpByTags(store, plan, runId, interrupts));
            }
            if (j.isEmpty() && broken.isPresent() && broken.get().planReadable()) {
                return withRunLock(store, runId, () -> {
                    Journal fresh;
                    java.time.Instant now = clock.instant();
                    try {
                        fresh = store.restart(runId, now);
                    } catch (PoolForgeException e) {
                        LOG.warn("Could not restart the journal of {}: {}", runId, e.getMessage(), e);
                        err.println(m.get(e.key(), e.args()));
                        return ExitCodes.USAGE;
                    }
                    err.println(m.get("cli.run.journalRestarted", runId, store.damagedCopy(runId, now)));
                    return run(store, plan, fresh, interrupts, findings);
                });
            }
            if (j.isEmpty()) {
                err.println(m.get("cli.run.error.noSuchRun", runId, store.runDir(runId).getParent()));
                return ExitCodes.USAGE;
            }
            if (!sameProgram(plan, j.get())) {
                err.println(m.get("cli.run.error.otherPlan", runId, planFile));
                return ExitCodes.USAGE;
            }
            journal = j.get();
        } else if (!damaged.isEmpty()) {
            damagedRun().report(store, plan, damaged.get(0));
            return ExitCodes.USAGE;
        } else if (cleanUp) {
            Optional<Journal> j = runsOf(store, plan, false).stream().findFirst();
            if (j.isEmpty()) {
                err.println(m.get("cli.run.error.nothingToCleanUp", planFile));
                return ExitCodes.USAGE;
            }
            journal = j.get();
        } else {
            List<Journal> unfinished = runsOf(store, plan, true);
            if (resume) {
                if (unfinished.isEmpty()) {
                    // A complete run whose last read of the pool failed resumes at the watch.
                    Optional<Journal> complete = runsOf(store, plan, false).stream().findFirst();
                    if (complete.isEmpty()) {
                        err.println(m.get("cli.run.error.nothingToResume", planFile));
                        return ExitCodes.USAGE;
                    }
                    journal = complete.get();
                } else {
                    journal = unfinished.get(0);
                }
            } else {
                if (!unfinished.isEmpty()) {
                    Journal u = unfinished.get(0);
                    String next = u.firstUnfinished().map(StepRecord::id).orElse("");
                    err.println(m.get("cli.run.unfinishedExists", u.runId(), planFile, next));
                    err.println(m.get("cli.run.unfinishedHint", planFile));
                    return ExitCodes.USAGE;
                }
                // PF-22: a plan run to the end before is that plan, not someone else's pool: run() checks that its
                // pool still stands (then "already done", exit 0) or starts a new run when it was deleted since.
                journal = runsOf(store, plan, false).stream().filter(Journal::complete).findFirst().orElse(null);
            }
        }
        Journal chosen = journal;
        if (cleanUp) {
            return withRunLock(store, chosen.runId(), () -> new RunCleanUp(m, err, output(), connection, this::open, clock, planFile, yes,
                    pauseAfter).run(store, chosen, interrupts));
        }
        if (chosen == null) return run(store, plan, null, interrupts, findings);
        return withRunLock(store, chosen.runId(), () -> run(store, plan, chosen, interrupts, findings));
    }

    /** Runs {@code body} holding the run's lock; exit 2 naming the holder when another process has it. */
    private int withRunLock(JournalStore store, String id, java.util.function.IntSupplier body) {
        RunLock lock;
        try {
            lock = store.lockRun(id);
        } catch (PoolForgeException e) {
            err.println(m.get(e.key(), e.args()));
            return ExitCodes.USAGE;
        }
        try (lock) {
            return body.getAsInt();
        }
    }

    // --- run and resume ---------------------------------------------------------------------------

    private int run(JournalStore store, Plan plan, Journal existing, Interrupts interrupts, List<Finding> offline) {
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        BooleanSupplier cancelled = interrupts.cancelled();
        Journal journal = existing;
        Journal result = journal;
        PoolForgeException failure = null;
        PoolInfo pool = null;
        RunLock newRunLock = null;
        try (Connection c = open()) {
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, clock);
            Plan resolved;
            PlanRunner.Survey survey = null;
            if (journal != null && journal.complete()) {
                Plan done = store.plan(journal);
                Optional<io.poolforge.azure.ResourceState> standing = c.batch().poolState(PlanRunner.account(done),
                        done.pool().poolId());
                if (standing.isPresent() && (standing.get().runTag() == null || journal.runId().equals(standing.get().runTag()))) {
                    // PF-22: already done; say only that (no "resuming", no preflight, no quota counted twice).
                    err.println(m.get("cli.run.alreadyDone", done.pool().poolId(), done.pool().batchAccount().name(),
                            journal.runId(), planFile));
                    pool = c.batch().getPool(PlanRunner.account(done), done.pool().poolId()).orElse(null);
                    output().run(store, journal, "complete", null, pool);
                    return ExitCodes.OK;
                }
                if (resume) {
                    err.println(m.get("cli.run.alreadyComplete", journal.runId()));
                    return ExitCodes.OK;
                }
                // The pool that run made is gone: this is a new run of the plan.
                err.println(m.get("cli.run.poolGoneNewRun", done.pool().poolId(), journal.runId()));
                journal = null;
                result = null;
            }
            if (journal == null) {
                // A new run: Azure is read before the run folder is made, so a conflict leaves nothing behind.
                RunId id = RunId.create(clock.instant(), new SecureRandom());
                resolved = RunSteps.resolve(plan, id);
                Journal probe = RunSteps.newJournal(resolved, id, codec, clock.instant());
                // The one preflight (PF-8): every rule against the account itself, before anything exists.
                Integer refused = preflight(c, resolved, offline);
                if (refused != null) return refused;
                survey = runner.survey(resolved, probe, java.util.Set.of());
                if (survey.firstConflict().isPresent()) {
                    PoolForgeException e = survey.firstConflict().get().conflict();
                    err.println(m.get(e.key(), e.args()));
                    err.println(m.get("cli.run.refusedConflict", planFile));
                    return ExitCodes.RULE_VIOLATIONS;
                }
                newRunLock = store.lockRun(id.value());
                journal = store.start(plan, id, clock.instant());
                result = journal;
                err.println(m.get("cli.run.started", journal.runId(), store.runDir(journal.runId())));
                // PF-19: what the last first node of this image told, before this run asks for its own.
                if (resolved.firstNode()) {
                    io.poolforge.run.FirstNodeHistory.last(store, resolved).ifPresent(fn ->
                            err.println(m.get("cli.run.firstNode.previous", m.text(io.poolforge.run.FirstNodeSummary.line(fn)))));
                } else if (resolved.pool() != null && resolved.poolPlan().targetDedicatedNodes() + resolved.poolPlan().targetLowPriorityNodes() == 0) {
                    // PF-20 (second pass): an empty pool (Azure accepts it) has no node to prove the image on: say the check is skipped.
                    err.println(m.get("cli.run.firstNode.skippedNoNodes", resolved.pool().poolId()));
                }
                err.println(PlanImage.describe(m, resolved));
            } else {
                err.println(m.get("cli.run.resuming", journal.runId(), journal.firstUnfinished().map(StepRecord::id).orElse("-")));
                // PF-19: a run stopped in the first-node stage resumes there (the same pool, never grown before its node is idle).
                if (journal.firstNode() != null && !journal.complete()) err.println(m.text(io.poolforge.run.FirstNodeSummary.line(journal.firstNode())));
                resolved = store.plan(journal);
            }
            err.flush();
            try (RunProgress progress = new RunProgress(m, err, false, pauseAfter, cancelled)) {
                result = runner.run(resolved, journal, Map.of("createdBy", "PoolForge"), progress, cancelled, java.util.Set.of(), survey);
            }
            // The watch: the pool as Azure shows it now (a failure here leaves a run that --resume finishes).
            pool = c.batch().getPool(PlanRunner.account(resolved), resolved.pool().poolId()).orElse(null);
        } catch (PoolForgeException e) {
            failure = e;
            if (journal != null) result = reload(store, journal);
        } catch (CliFailure e) {
            return e.code;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            failure = unexpected(e);
            if (journal != null) result = reload(store, journal);
        } finally {
            if (newRunLock != null) newRunLock.close();
        }
        if (result == null) {
            // Failed before the run folder was made (reading Azure first): nothing was created.
            logFailure(failure);
            err.println(m.get(failure.key(), failure.args()));
            err.println(m.get("cli.run.nothingStarted", planFile));
            return failure.key().equals("run.error.locked") ? ExitCodes.USAGE : exitCode(failure, interrupts);
        }
        int code = failure == null ? ExitCodes.OK : exitCode(failure, interrupts);
        String status = failure == null ? "complete" : code == ExitCodes.INTERRUPTED ? "interrupted" : "failed";
        if (failure != null) {
            logFailure(failure);
            err.println(m.get(failure.key(), failure.args()));
            if (failure instanceof io.poolforge.run.FirstNodeFailure f) {
                // PF-19: the cause is printed; the pool stays with its one node; the three ways on.
                if (!f.startTaskStderr().isEmpty()) {
                    err.println(m.get("cli.run.firstNode.stderr", f.nodeId()));
                    f.startTaskStderr().lines().forEach(l -> err.println("  " + l));
                }
                err.println(m.get("cli.run.firstNode.choices", f.poolId(), planFile));
            } else {
                err.println(m.get("cli.run.resumeHint", result.runId(), planFile));
            }
        }
        output().run(store, result, status, failure, pool);
        return code;
    }

    /**
     * The VM, image, pool, quota and sharing rules against the account itself ({@link Preflight}); prints what the
     * offline check did not already print. Returns the exit code when the plan is refused, null when it may run.
     */
    private Integer preflight(Connection c, Plan resolved, List<Finding> offline) {
        err.println(m.get("cli.run.preflight"));
        Preflight.Result r = new Preflight(c.compute(), c.batch(), clock).check(resolved);
        List<Finding> online = r.violations().stream().map(Finding::of)
                .filter(f -> offline.stream().noneMatch(o -> o.code().equals(f.code()) && o.args().equals(f.args()))).toList();
        Findings.print(err, m, online);
        if (!r.blocking()) return null;
        // PF-22: the codes stand in their own position on the lines above; this line says how many.
        err.println(m.get("cli.run.refusedOnline", planFile, r.violations().stream()
                .filter(io.poolforge.domain.rules.Violation::blocks).map(v -> v.code().name()).distinct().count()));
        return ExitCodes.RULE_VIOLATIONS;
    }

    /** Every failure that is reported goes to the log with its details: key, Azure code, request id, cause (masked). */
    static void logFailure(PoolForgeException e) {
        if (e == null) return;
        LOG.warn("Run failed: {} (azureCode={}, requestId={}): {}", e.key(), e.azureCode(), e.requestId(),
                SecretMasker.mask(String.valueOf(e.getMessage())), e);
    }

    // --- shared -----------------------------------------------------------------------------------

    /** Runs of this plan (its run-resolved form has the journal's digest), newest first; only unfinished ones if asked. */
    private List<Journal> runsOf(JournalStore store, Plan plan, boolean unfinishedOnly) {
        return (unfinishedOnly ? store.unfinished() : store.all()).stream().filter(j -> sameProgram(plan, j)).toList();
    }

    /** True when {@code journal} is a run of {@code plan}: the plan resolved with the run's id has the journal's digest. */
    private boolean sameProgram(Plan plan, Journal journal) {
        try {
            return codec.sha256(RunSteps.resolve(plan, new RunId(journal.runId()))).equals(journal.planSha256());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean validRunId(String id) {
        try {
            new RunId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Connection open() {
        try {
            return connection.open(spec, m, PoolForgeHome.of(root));
        } catch (PoolForgeException | CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Could not connect to {}: {}", connection.target(m), SecretMasker.mask(String.valueOf(e.getMessage())), e);
            err.println(m.get("cli.error.connect", connection.target(m), io.poolforge.domain.FailureWords.of(e)));
            throw new CliFailure(ExitCodes.AZURE_ERROR);
        }
    }

    private Journal reload(JournalStore store, Journal fallback) {
        try {
            return store.load(fallback.runId());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static PoolForgeException unexpected(Exception e) {
        LOG.error("Unexpected failure: {}", SecretMasker.mask(String.valueOf(e.getMessage())), e);
        return new PoolForgeException("azure.error.unexpected", e, "run", io.poolforge.domain.FailureWords.of(e));
    }

    /** 4 when interrupted (Ctrl+C, or an operation stopped by cancellation), 2 for run-folder problems, 3 for Azure. */
    static int exitCode(PoolForgeException e, Interrupts interrupts) {
        String k = e.key();
        if (interrupts.isCancelled() || k.equals("run.cancelled") || k.equals("azure.error.cancelled")
                || k.equals("azure.error.cancelledInFlight")) {
            return ExitCodes.INTERRUPTED;
        }
        if (java.util.Set.of("run.error.poolExists", "run.error.conflictOtherRun", "run.error.conflictMismatch",
                "run.error.conflictFailed").contains(k)) {
            return ExitCodes.RULE_VIOLATIONS;
        }
        if (k.startsWith("run.error.") || k.startsWith("plan.error.")) return ExitCodes.USAGE;
        return ExitCodes.AZURE_ERROR;
    }

    private DamagedRun damagedRun() {
        return new DamagedRun(m, err, output(), connection, this::open, clock, codec, planFile, yes, pauseAfter);
    }

    private RunOutput output() {
        return new RunOutput(m, out, mapper, planFile, options.json);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Leaves the command with an exit code after the message was printed. */
    static final class CliFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        CliFailure(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
