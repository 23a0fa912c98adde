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
 * result on stdout ({@link RunOutput}); the clean-up is {@link RunCleanUp}'s.
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
            err.println(m.get(e.key(), e.args()));
            return Findings.isUsage(e) ? ExitCodes.USAGE : ExitCodes.RULE_VIOLATIONS;
        }
        List<Finding> findings = new PlanValidator(codec, new OfflineDomainRules()).validate(plan);
        Findings.print(err, m, findings);
        if (Finding.anyBlocking(findings)) {
            err.println(m.get("cli.run.refused", planFile));
            return ExitCodes.RULE_VIOLATIONS;
        }
        JournalStore store = new JournalStore(PoolForgeHome.of(root).resolve("runs"), codec);

        Journal journal;
        if (runId != null) {
            Optional<Journal> j = store.all().stream().filter(r -> r.runId().equals(runId)).findFirst();
            if (j.isEmpty()) {
                err.println(m.get("cli.run.error.noSuchRun", runId, store.runDir(runId).getParent()));
                return ExitCodes.USAGE;
            }
            if (!sameProgram(plan, j.get())) {
                err.println(m.get("cli.run.error.otherPlan", runId, planFile));
                return ExitCodes.USAGE;
            }
            journal = j.get();
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
                    err.println(m.get("cli.run.error.nothingToResume", planFile));
                    return ExitCodes.USAGE;
                }
                journal = unfinished.get(0);
            } else {
                if (!unfinished.isEmpty()) {
                    Journal u = unfinished.get(0);
                    String next = u.firstUnfinished().map(StepRecord::id).orElse("");
                    err.println(m.get("cli.run.unfinishedExists", u.runId(), planFile, next));
                    err.println(m.get("cli.run.unfinishedHint", planFile));
                    return ExitCodes.USAGE;
                }
                journal = null;
            }
        }
        if (!cleanUp && journal != null && journal.complete()) {
            err.println(m.get("cli.run.alreadyComplete", journal.runId()));
        }
        if (cleanUp) {
            return new RunCleanUp(m, err, output(), connection, this::open, clock, planFile, yes, pauseAfter)
                    .run(store, journal, interrupts);
        }
        return run(store, plan, journal, interrupts, findings);
    }

    // --- run and resume ---------------------------------------------------------------------------

    private int run(JournalStore store, Plan plan, Journal existing, Interrupts interrupts, List<Finding> offline) {
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        BooleanSupplier cancelled = interrupts.cancelled();
        Journal journal = existing;
        Journal result = existing;
        PoolForgeException failure = null;
        PoolInfo pool = null;
        try (Connection c = open()) {
            Plan resolved;
            try {
                if (journal == null) {
                    RunId id = RunId.create(clock.instant(), new SecureRandom());
                    // The one preflight (PF-8), before anything exists: not even the run's folder.
                    Integer refused = preflight(c, RunSteps.resolve(plan, id), offline);
                    if (refused != null) return refused;
                    journal = store.start(plan, id, clock.instant());
                    err.println(m.get("cli.run.started", journal.runId(), store.runDir(journal.runId())));
                } else {
                    err.println(m.get("cli.run.resuming", journal.runId(),
                            journal.firstUnfinished().map(StepRecord::id).orElse("-")));
                }
                resolved = store.plan(journal);
            } catch (PoolForgeException e) {
                // The run folder or the plan in it (2), as before; Azure's answers to the preflight go on below.
                if (journal == null && !e.key().startsWith("run.error.") && !e.key().startsWith("plan.error.")) throw e;
                err.println(m.get(e.key(), e.args()));
                return ExitCodes.USAGE;
            }
            result = journal;
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, clock);
            result = runner.run(resolved, journal, Map.of("createdBy", "PoolForge"),
                    new RunProgress(m, err, false, pauseAfter, cancelled), cancelled);
            pool = c.batch().getPool(PlanRunner.account(resolved), resolved.pool().poolId()).orElse(null);
        } catch (PoolForgeException e) {
            failure = e;
            if (journal == null) {
                // The preflight could not read what it checks: nothing was created, there is no run to resume.
                err.println(m.get(e.key(), e.args()));
                return exitCode(e, interrupts);
            }
            result = reload(store, journal);
        } catch (CliFailure e) {
            return e.code;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            failure = unexpected(e);
            if (journal == null) {
                err.println(m.get(failure.key(), failure.args()));
                return ExitCodes.AZURE_ERROR;
            }
            result = reload(store, journal);
        }
        int code = failure == null ? ExitCodes.OK : exitCode(failure, interrupts);
        String status = failure == null ? "complete" : code == ExitCodes.INTERRUPTED ? "interrupted" : "failed";
        if (failure != null) {
            err.println(m.get(failure.key(), failure.args()));
            err.println(m.get("cli.run.resumeHint", result.runId(), planFile));
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
        err.println(m.get("cli.run.refusedOnline", planFile, String.join(", ", r.violations().stream()
                .filter(io.poolforge.domain.rules.Violation::blocks).map(v -> v.code().name()).distinct().toList())));
        return ExitCodes.RULE_VIOLATIONS;
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
            LOG.error("Could not connect: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            err.println(m.get("cli.error.connect", connection.target(m), e.getClass().getSimpleName()));
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
        return new PoolForgeException("azure.error.unexpected", e, "run", e.getClass().getSimpleName());
    }

    /** 4 when interrupted (Ctrl+C, or an operation stopped by cancellation), 2 for run-folder problems, 3 for Azure. */
    static int exitCode(PoolForgeException e, Interrupts interrupts) {
        String k = e.key();
        if (interrupts.isCancelled() || k.equals("run.cancelled") || k.equals("azure.error.cancelled")
                || k.equals("azure.error.cancelledInFlight")) {
            return ExitCodes.INTERRUPTED;
        }
        if (k.startsWith("run.error.") || k.startsWith("plan.error.")) return ExitCodes.USAGE;
        return ExitCodes.AZURE_ERROR;
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
