package io.poolforge.cli;

import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.run.CreatedResource;
import io.poolforge.run.StepKind;
import io.poolforge.run.StepRecord;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * {@code poolforge run PLAN --clean-up}: lists what a run created (and what it may have created),
 * asks on a terminal unless {@code --yes}, deletes exactly the created resources through
 * {@link PlanRunner}, and archives the run folder when nothing is left uncertain.
 */
final class RunCleanUp {
    private final Messages m;
    private final PrintWriter err;
    private final RunOutput output;
    private final ConnectionOptions connection;
    private final Supplier<Connection> open;
    private final Clock clock;
    private final Path planFile;
    private final boolean yes;
    private final String pauseAfter;

    /**
     * @param open       opens the connection (throws {@link RunCommand.CliFailure} after saying why it could not)
     * @param yes        {@code --yes}: delete without asking
     * @param pauseAfter the hidden {@code --pause-after} step, or null
     */
    RunCleanUp(Messages m, PrintWriter err, RunOutput output, ConnectionOptions connection, Supplier<Connection> open,
               Clock clock, Path planFile, boolean yes, String pauseAfter) {
        this.m = m;
        this.err = err;
        this.output = output;
        this.connection = connection;
        this.open = open;
        this.clock = clock;
        this.planFile = planFile;
        this.yes = yes;
        this.pauseAfter = pauseAfter;
    }

    /** Cleans up the run of {@code journal}; returns the exit code. */
    int run(JournalStore store, Journal journal, Interrupts interrupts) {
        Plan resolved;
        try {
            resolved = store.plan(journal);
        } catch (PoolForgeException e) {
            err.println(m.get(e.key(), e.args()));
            return ExitCodes.USAGE;
        }
        List<CreatedResource> created = journal.createdResources();
        List<CreatedResource> uncertain = journal.uncertainResources();
        BooleanSupplier cancelled = interrupts.cancelled();
        List<String> deleted = List.of();
        PoolForgeException failure = null;
        Path archived = null;
        if (created.isEmpty() && uncertain.isEmpty()) {
            err.println(m.get("cli.cleanUp.nothing", journal.runId()));
        } else {
            // PF-22: the preview is what will be deleted: Azure is read first, with the rule the deletion applies.
            err.println(m.get("cli.connection.opening", connection.target(m)));
            err.flush();
            try (Connection c = open.get()) {
                PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, clock);
                List<StepRecord> targets = runner.cleanUpTargets(resolved, journal, cancelled);
                if (targets.isEmpty()) {
                    err.println(m.get("cli.cleanUp.nothingLeft", journal.runId()));
                } else {
                    err.println(m.get("cli.cleanUp.list", journal.runId(), targets.size()));
                    targets.forEach(t -> err.println("  " + m.get("cli.cleanUp.item", kindName(m, t.kind()), t.resourceId())));
                }
                created.stream().filter(r -> targets.stream().noneMatch(t -> t.resourceId().equals(r.resourceId())))
                        .forEach(r -> err.println("  " + m.get("cli.cleanUp.gone", r.resourceId())));
                uncertain.stream().filter(r -> targets.stream().noneMatch(t -> t.resourceId().equals(r.resourceId())))
                        .forEach(r -> err.println("  " + m.get("cli.cleanUp.uncertain", r.resourceId(), journal.runId())));
                err.flush();
                if (!targets.isEmpty() && !yes) {
                    Console console = System.console();
                    if (!interactive(console)) {
                        err.println(m.get("cli.cleanUp.needsYes"));
                        return ExitCodes.USAGE;
                    }
                    String answer = console.readLine("%s", m.get("cli.cleanUp.confirm", targets.size()));
                    if (answer == null || !isYes(answer)) {
                        err.println(m.get("cli.cleanUp.declined"));
                        return ExitCodes.OK;
                    }
                }
                if (!targets.isEmpty()) {
                    try (RunProgress progress = new RunProgress(m, err, true, pauseAfter, cancelled)) {
                        deleted = runner.cleanUp(resolved, journal, progress, cancelled);
                    }
                }
            } catch (PoolForgeException e) {
                failure = e;
            } catch (RunCommand.CliFailure e) {
                return e.code;
            } catch (CommandLine.ParameterException e) {
                throw e;
            } catch (Exception e) {
                failure = RunCommand.unexpected(e);
            }
        }
        // The clean-up decided the uncertain ones by Azure's tags (the run's id): nothing is left unknown.
        if (failure == null) {
            try {
                archived = store.archiveCleanedUp(journal, deleted, clock.instant());
            } catch (PoolForgeException e) {
                err.println(m.get(e.key(), e.args()));
            }
        }
        int code = failure == null ? ExitCodes.OK : RunCommand.exitCode(failure, interrupts);
        if (failure != null) {
            RunCommand.logFailure(failure);
            err.println(m.get(failure.key(), failure.args()));
            err.println(m.get("cli.cleanUp.againHint", journal.runId(), planFile));
        }
        String status = failure == null ? "cleaned-up" : code == ExitCodes.INTERRUPTED ? "interrupted" : "failed";
        output.cleanUp(journal, status, deleted, failure == null ? List.of() : uncertain, archived, failure);
        return code;
    }

    /** A step's kind in words of the user's language ("image version", "versión de la imagen"), never the constant. */
    static String kindName(Messages m, StepKind kind) {
        return switch (kind) {
            case POOL -> m.get("cli.kind.pool");
            case IMAGE_VERSION -> m.get("cli.kind.imageVersion");
            case IMAGE_DEFINITION -> m.get("cli.kind.imageDefinition");
            case MANAGED_IMAGE -> m.get("cli.kind.managedImage");
            case GALLERY -> m.get("cli.kind.gallery");
            case SNAPSHOT -> m.get("cli.kind.snapshot");
        };
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
}
