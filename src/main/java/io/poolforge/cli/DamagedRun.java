package io.poolforge.cli;

import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecretMasker;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.run.CreatedResource;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.RunId;
import io.poolforge.run.RunSteps;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poolforge run} when a run's journal is damaged or gone: what Azure's tags say the run made, reported (the run
 * stops there and names the two ways on), or deleted with {@code --clean-up --run-id ID}. The journal cannot say what
 * exists, so the tags are the only evidence; the resources are listed before anything is deleted, and deleting them
 * needs {@code --yes}.
 */
final class DamagedRun {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedRun.class);

    private final Messages m;
    private final PrintWriter err;
    private final RunOutput output;
    private final ConnectionOptions connection;
    private final Supplier<Connection> open;
    private final Clock clock;
    private final PlanCodec codec;
    private final Path planFile;
    private final boolean yes;
    private final String pauseAfter;

    /**
     * @param open       opens the connection (throws {@link RunCommand.CliFailure} after saying why it could not)
     * @param yes        {@code --yes}: delete without asking
     * @param pauseAfter the hidden {@code --pause-after} step, or null
     */
    DamagedRun(Messages m, PrintWriter err, RunOutput output, ConnectionOptions connection, Supplier<Connection> open,
               Clock clock, PlanCodec codec, Path planFile, boolean yes, String pauseAfter) {
        this.m = m;
        this.err = err;
        this.output = output;
        this.connection = connection;
        this.open = open;
        this.clock = clock;
        this.codec = codec;
        this.planFile = planFile;
        this.yes = yes;
        this.pauseAfter = pauseAfter;
    }

    /** True when a damaged run folder may be this plan's: its kept plan is this plan's, or unreadable (cannot tell). */
    static boolean ofThisPlan(PlanCodec codec, JournalStore store, Plan plan, JournalStore.Damaged d) {
        if (!d.planReadable()) return true;
        try {
            return codec.sha256(RunSteps.resolve(plan, new RunId(d.runId()))).equals(codec.sha256(store.planOfRun(d.runId())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A damaged journal stops everything: what the run's tags say exists, and the two ways on. */
    void report(JournalStore store, Plan plan, JournalStore.Damaged d) {
        err.println(m.get("cli.run.damaged", d.runId(), d.journal(), d.reason()));
        err.flush();
        try (Connection c = open.get()) {
            Plan resolved = RunSteps.resolve(plan, new RunId(d.runId()));
            tagged(new PlanRunner(c.compute(), c.batch(), store, clock), resolved, probe(resolved, d.runId()));
        } catch (RunCommand.CliFailure e) {
            // open said why.
        } catch (Exception e) {
            LOG.warn("Could not list the resources of run {} by tag: {}", d.runId(), SecretMasker.mask(String.valueOf(e.getMessage())), e);
            String text = e instanceof PoolForgeException p ? m.get(p.key(), p.args()) : m.text(io.poolforge.domain.FailureWords.of(e));
            err.println(m.get("cli.run.damaged.untagged", text));
        }
        if (d.planReadable()) err.println(m.get("cli.run.damaged.resume", planFile, d.runId()));
        err.println(m.get("cli.run.damaged.cleanUp", planFile, d.runId()));
    }

    /** {@code --clean-up --run-id ID} without a readable journal: deletes what Azure's tags say run ID made. */
    int cleanUpByTags(JournalStore store, Plan plan, String id, Interrupts interrupts) {
        Plan resolved = RunSteps.resolve(plan, new RunId(id));
        Journal probe = probe(resolved, id);
        err.println(m.get("cli.cleanUp.byTags", id));
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        BooleanSupplier cancelled = interrupts.cancelled();
        List<String> deleted = List.of();
        PoolForgeException failure = null;
        try (Connection c = open.get()) {
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, clock);
            List<CreatedResource> tagged = tagged(runner, resolved, probe);
            if (!tagged.isEmpty() && !yes) {
                err.println(m.get("cli.cleanUp.needsYes"));
                return ExitCodes.USAGE;
            }
            try (RunProgress progress = new RunProgress(m, err, true, pauseAfter, cancelled)) {
                deleted = runner.cleanUp(resolved, probe, progress, cancelled);
            }
        } catch (PoolForgeException e) {
            failure = e;
        } catch (RunCommand.CliFailure e) {
            return e.code;
        } catch (Exception e) {
            failure = RunCommand.unexpected(e);
        }
        if (failure != null) {
            RunCommand.logFailure(failure);
            err.println(m.get(failure.key(), failure.args()));
            return RunCommand.exitCode(failure, interrupts);
        }
        if (Files.isDirectory(store.runDir(id))) {
            try {
                store.archiveCleanedUp(probe, deleted, clock.instant());
            } catch (PoolForgeException e) {
                err.println(m.get(e.key(), e.args()));
            }
        }
        output.cleanUp(probe, "cleaned-up", deleted, List.of(), null, null);
        return ExitCodes.OK;
    }

    /** A journal of run {@code id} with nothing done: what the survey by the run's tags compares against. */
    private Journal probe(Plan resolved, String id) {
        return RunSteps.newJournal(resolved, new RunId(id), codec, clock.instant());
    }

    /** What Azure's tags say the run made, listed on stderr. */
    private List<CreatedResource> tagged(PlanRunner runner, Plan resolved, Journal probe) {
        List<CreatedResource> tagged = runner.survey(resolved, probe, Set.of()).tagged();
        err.println(m.get("cli.run.damaged.tagged", probe.runId(), tagged.size()));
        tagged.forEach(r -> err.println("  " + m.get("cli.cleanUp.item", RunCleanUp.kindName(m, r.kind()), r.resourceId())));
        return tagged;
    }
}
