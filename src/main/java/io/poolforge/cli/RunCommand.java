package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Finding;
import io.poolforge.plan.LoadedPlan;
import io.poolforge.plan.OfflineDomainRules;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.PlanValidator;
import io.poolforge.run.CreatedResource;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.RunId;
import io.poolforge.run.RunSteps;
import io.poolforge.run.StepRecord;
import io.poolforge.run.StepStatus;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
 * what a run created. Progress on stderr, one line per step start and finish; the result on stdout.
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
        return cleanUp ? cleanUp(store, journal, interrupts) : run(store, plan, journal, interrupts);
    }

    // --- run and resume ---------------------------------------------------------------------------

    private int run(JournalStore store, Plan plan, Journal existing, Interrupts interrupts) {
        Journal journal = existing;
        Plan resolved;
        try {
            if (journal == null) {
                journal = store.start(plan, RunId.create(clock.instant(), new SecureRandom()), clock.instant());
                err.println(m.get("cli.run.started", journal.runId(), store.runDir(journal.runId())));
            } else {
                err.println(m.get("cli.run.resuming", journal.runId(),
                        journal.firstUnfinished().map(StepRecord::id).orElse("-")));
            }
            resolved = store.plan(journal);
        } catch (PoolForgeException e) {
            err.println(m.get(e.key(), e.args()));
            return ExitCodes.USAGE;
        }
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        BooleanSupplier cancelled = interrupts.cancelled();
        Journal result = journal;
        PoolForgeException failure = null;
        PoolInfo pool = null;
        try (Connection c = open()) {
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, clock);
            result = runner.run(resolved, journal, Map.of("createdBy", "PoolForge"), new Progress(false, cancelled), cancelled);
            pool = c.batch().getPool(PlanRunner.account(resolved), resolved.pool().poolId()).orElse(null);
        } catch (PoolForgeException e) {
            failure = e;
            result = reload(store, journal);
        } catch (CliFailure e) {
            return e.code;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            failure = unexpected(e);
            result = reload(store, journal);
        }
        int code = failure == null ? ExitCodes.OK : exitCode(failure, interrupts);
        String status = failure == null ? "complete" : code == ExitCodes.INTERRUPTED ? "interrupted" : "failed";
        if (failure != null) {
            err.println(m.get(failure.key(), failure.args()));
            err.println(m.get("cli.run.resumeHint", result.runId(), planFile));
        }
        if (options.json) {
            out.print(PlanJson.pretty(mapper, runJson(store, result, status, failure, pool)));
        } else {
            printRun(result, status, pool);
        }
        return code;
    }

    private void printRun(Journal j, String status, PoolInfo pool) {
        out.println(m.get(switch (status) {
            case "complete" -> "cli.run.result.complete";
            case "interrupted" -> "cli.run.result.interrupted";
            default -> "cli.run.result.failed";
        }, j.runId(), planFile));
        for (StepRecord s : j.steps()) {
            String key = switch (s.status()) {
                case SUCCEEDED -> Boolean.TRUE.equals(s.created()) ? "cli.run.result.created" : "cli.run.result.reused";
                case FAILED -> "cli.run.result.stepFailed";
                case STARTED -> "cli.run.result.stepUnknown";
                case PENDING -> "cli.run.result.stepPending";
            };
            out.println("  " + m.get(key, s.id(), s.resourceId()));
        }
        if (pool != null) {
            out.println(m.get("cli.run.result.pool", pool.id(), allocation(m, pool), pool.currentDedicatedNodes(),
                    pool.targetDedicatedNodes(), pool.currentLowPriorityNodes(), pool.targetLowPriorityNodes()));
            for (ResizeError e : pool.resizeErrors()) {
                out.println("  " + m.get("cli.run.result.resizeError", e.code(), SecretMasker.mask(e.message())));
            }
        }
    }

    private ObjectNode runJson(JournalStore store, Journal j, String status, PoolForgeException failure, PoolInfo pool) {
        ObjectNode n = mapper.createObjectNode();
        n.put("runId", j.runId());
        n.put("plan", planFile.toString());
        n.put("status", status);
        n.put("runFolder", store.runDir(j.runId()).toString());
        ArrayNode created = n.putArray("created");
        ArrayNode reused = n.putArray("reused");
        ArrayNode steps = n.putArray("steps");
        for (StepRecord s : j.steps()) {
            ObjectNode step = steps.addObject();
            step.put("id", s.id());
            step.put("kind", s.kind().name());
            step.put("name", s.name());
            step.put("resourceId", s.resourceId());
            step.put("status", s.status().name());
            if (s.created() != null) step.put("created", s.created());
            if (s.errorCode() != null) step.put("errorCode", s.errorCode());
            if (s.status() == StepStatus.SUCCEEDED) (Boolean.TRUE.equals(s.created()) ? created : reused).add(s.resourceId());
        }
        if (failure != null) {
            ObjectNode e = n.putObject("error");
            e.put("key", failure.key());
            e.put("message", m.get(failure.key(), failure.args()));
            if (failure.azureCode() != null) e.put("azureCode", failure.azureCode());
        }
        if (pool != null) n.set("pool", poolJson(mapper, pool));
        return n;
    }

    /** The pool's state as {@code run --json} and {@code inspect --json} show it. */
    static ObjectNode poolJson(ObjectMapper mapper, PoolInfo p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", p.id());
        n.put("vmSize", p.vmSize());
        n.put("allocationState", p.allocationState().name().toLowerCase(Locale.ROOT));
        n.put("currentDedicatedNodes", p.currentDedicatedNodes());
        n.put("targetDedicatedNodes", p.targetDedicatedNodes());
        n.put("currentLowPriorityNodes", p.currentLowPriorityNodes());
        n.put("targetLowPriorityNodes", p.targetLowPriorityNodes());
        ArrayNode errors = n.putArray("resizeErrors");
        for (ResizeError e : p.resizeErrors()) {
            errors.addObject().put("code", e.code()).put("message", SecretMasker.mask(e.message()));
        }
        return n;
    }

    static String allocation(Messages m, PoolInfo p) {
        return switch (p.allocationState()) {
            case STEADY -> m.get("cli.allocation.steady");
            case RESIZING -> m.get("cli.allocation.resizing");
            case STOPPING -> m.get("cli.allocation.stopping");
        };
    }

    // --- clean-up ---------------------------------------------------------------------------------

    private int cleanUp(JournalStore store, Journal journal, Interrupts interrupts) {
        Plan resolved;
        try {
            resolved = store.plan(journal);
        } catch (PoolForgeException e) {
            err.println(m.get(e.key(), e.args()));
            return ExitCodes.USAGE;
        }
        List<CreatedResource> created = journal.createdResources();
        List<CreatedResource> uncertain = journal.uncertainResources();
        if (created.isEmpty()) {
            err.println(m.get("cli.cleanUp.nothing", journal.runId()));
        } else {
            err.println(m.get("cli.cleanUp.list", journal.runId(), created.size()));
            created.forEach(r -> err.println("  " + m.get("cli.cleanUp.item", r.kind().name(), r.resourceId())));
        }
        uncertain.forEach(r -> err.println("  " + m.get("cli.cleanUp.uncertain", r.resourceId(), planFile)));
        err.flush();
        if (!created.isEmpty() && !yes) {
            Console console = System.console();
            if (!interactive(console)) {
                err.println(m.get("cli.cleanUp.needsYes"));
                return ExitCodes.USAGE;
            }
            String answer = console.readLine("%s", m.get("cli.cleanUp.confirm", created.size()));
            if (answer == null || !isYes(answer)) {
                err.println(m.get("cli.cleanUp.declined"));
                return ExitCodes.OK;
            }
        }
        BooleanSupplier cancelled = interrupts.cancelled();
        List<String> deleted = List.of();
        PoolForgeException failure = null;
        Path archived = null;
        if (!created.isEmpty()) {
            err.println(m.get("cli.connection.opening", connection.target(m)));
            err.flush();
            try (Connection c = open()) {
                deleted = new PlanRunner(c.compute(), c.batch(), store, clock).cleanUp(resolved, journal, new Progress(true, cancelled),
                        cancelled);
            } catch (PoolForgeException e) {
                failure = e;
            } catch (CliFailure e) {
                return e.code;
            } catch (CommandLine.ParameterException e) {
                throw e;
            } catch (Exception e) {
                failure = unexpected(e);
            }
        }
        if (failure == null && uncertain.isEmpty()) {
            try {
                archived = store.archiveCleanedUp(journal, deleted, clock.instant());
            } catch (PoolForgeException e) {
                err.println(m.get(e.key(), e.args()));
            }
        }
        int code = failure == null ? ExitCodes.OK : exitCode(failure, interrupts);
        if (failure != null) {
            err.println(m.get(failure.key(), failure.args()));
            err.println(m.get("cli.cleanUp.againHint", journal.runId(), planFile));
        }
        if (options.json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("runId", journal.runId());
            n.put("status", failure == null ? "cleaned-up" : code == ExitCodes.INTERRUPTED ? "interrupted" : "failed");
            ArrayNode d = n.putArray("deleted");
            deleted.forEach(d::add);
            ArrayNode u = n.putArray("notDeletedUncertain");
            uncertain.forEach(r -> u.add(r.resourceId()));
            if (archived != null) n.put("runFolder", archived.toString());
            if (failure != null) n.putObject("error").put("key", failure.key()).put("message", m.get(failure.key(), failure.args()));
            out.print(PlanJson.pretty(mapper, n));
        } else if (failure == null) {
            out.println(m.get("cli.cleanUp.done", journal.runId(), deleted.size()));
            deleted.forEach(id -> out.println("  " + m.get("cli.cleanUp.deleted", id)));
        }
        return code;
    }

    private static boolean interactive(Console console) {
        if (console == null) return false;
        try { // Java 22+: a Console exists even when redirected; isTerminal() tells.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private boolean isYes(String answer) {
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes") || a.equals(m.get("cli.cleanUp.yesWord").toLowerCase(m.locale()))
                || a.equals(m.get("cli.cleanUp.yesLetter").toLowerCase(m.locale()));
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

    private static PoolForgeException unexpected(Exception e) {
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

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Leaves the command with an exit code after the message was printed. */
    private static final class CliFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        CliFailure(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** One stderr line per step start and finish (and the hidden pause for the kill tests). */
    private final class Progress implements PlanRunner.Listener {
        private final boolean deleting;
        private final BooleanSupplier cancelled;

        Progress(boolean deleting, BooleanSupplier cancelled) {
            this.deleting = deleting;
            this.cancelled = cancelled;
        }

        @Override
        public void stepStarted(StepRecord step, int index, int total) {
            err.println(m.get(deleting ? "cli.cleanUp.step.started" : "cli.run.step.started", index + 1, total, step.id(), step.name()));
            err.flush();
            pause(step.id() + ":start");
        }

        @Override
        public void stepProgress(StepRecord step, String status, int percent) {
            // One line per start and finish only: polls would flood a log.
        }

        @Override
        public void stepFinished(StepRecord step, int index, int total) {
            String key;
            if (deleting) key = "cli.cleanUp.step.deleted";
            else if (step.status() == StepStatus.FAILED) key = "cli.run.step.failed";
            else key = Boolean.TRUE.equals(step.created()) ? "cli.run.step.created" : "cli.run.step.reused";
            String detail = step.status() == StepStatus.FAILED ? String.valueOf(step.errorCode()) : step.resourceId();
            err.println(m.get(key, index + 1, total, step.id(), step.name(), detail));
            err.flush();
            pause(step.id());
        }

        private void pause(String point) {
            if (pauseAfter == null || !pauseAfter.equals(point)) return;
            err.println(m.get("cli.run.paused", point));
            err.flush();
            while (!cancelled.getAsBoolean()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new PoolForgeException("run.cancelled", point);
        }
    }
}
