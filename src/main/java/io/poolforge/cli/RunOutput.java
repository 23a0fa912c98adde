package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanJson;
import io.poolforge.run.CreatedResource;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.StepRecord;
import io.poolforge.run.StepStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code poolforge run} and of its clean-up on stdout: lines for people, or with
 * {@code --json} one JSON document. Resize error messages are masked.
 */
final class RunOutput {
    private final Messages m;
    private final PrintWriter out;
    private final ObjectMapper mapper;
    private final Path planFile;
    private final boolean json;

    /** @param json whether to write JSON ({@code --json}) */
    RunOutput(Messages m, PrintWriter out, ObjectMapper mapper, Path planFile, boolean json) {
        this.m = m;
        this.out = out;
        this.mapper = mapper;
        this.planFile = planFile;
        this.json = json;
    }

    /**
     * A run's result: its steps and the pool as Azure shows it (null if not read).
     *
     * @param status "complete", "interrupted" or "failed"
     */
    void run(JournalStore store, Journal j, String status, PoolForgeException failure, PoolInfo pool) {
        if (json) {
            out.print(PlanJson.pretty(mapper, runJson(store, j, status, failure, pool)));
        } else {
            printRun(j, status, pool);
        }
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
        if (j.firstNode() != null) out.println("  " + m.text(io.poolforge.run.FirstNodeSummary.line(j.firstNode())));
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
        if (j.firstNode() != null) {
            // PF-19: what the first node told.
            io.poolforge.run.FirstNode fn = j.firstNode();
            ObjectNode f = n.putObject("firstNode");
            f.put("stage", fn.stage().name().toLowerCase(Locale.ROOT));
            f.put("dedicated", fn.dedicated());
            if (fn.nodeId() != null) f.put("nodeId", fn.nodeId());
            if (fn.state() != null) f.put("state", fn.state());
            if (fn.bootTime() != null) f.put("bootSeconds", fn.bootTime().toSeconds());
            if (fn.nodeAgentVersion() != null) f.put("nodeAgentVersion", fn.nodeAgentVersion());
            if (fn.errorCode() != null) f.put("errorCode", fn.errorCode());
            f.put("summary", m.text(io.poolforge.run.FirstNodeSummary.line(fn)));
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

    /**
     * A clean-up's result: what was deleted and what was left as uncertain (JSON), or only what was
     * deleted when it succeeded (text).
     *
     * @param status   "cleaned-up", "interrupted" or "failed"
     * @param archived the archived run folder, or null
     */
    void cleanUp(Journal journal, String status, List<String> deleted, List<CreatedResource> uncertain, Path archived,
                 PoolForgeException failure) {
        if (json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("runId", journal.runId());
            n.put("status", status);
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

    /** The pool's allocation state in words. */
    static String allocation(Messages m, PoolInfo p) {
        return switch (p.allocationState()) {
            case STEADY -> m.get("cli.allocation.steady");
            case RESIZING -> m.get("cli.allocation.resizing");
            case STOPPING -> m.get("cli.allocation.stopping");
        };
    }
}
