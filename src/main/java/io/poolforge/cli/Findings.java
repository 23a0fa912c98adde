package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.rules.Severity;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Finding;
import java.io.PrintWriter;
import java.util.List;

/** How the commands show findings: one line each for people, an array for {@code --json}. */
final class Findings {
    private Findings() {
    }

    /** A plan that could not be read, as a finding: the reader's own code (PF-22), PLAN_UNREADABLE for the rest. */
    static Finding unreadable(PoolForgeException e) {
        String code = e instanceof io.poolforge.plan.PlanFormatException f ? f.code() : "PLAN_UNREADABLE";
        return new Finding(code, Severity.ERROR, e.key(), List.of(e.args()), null, null);
    }

    static String severity(Messages m, Severity s) {
        return switch (s) {
            case ERROR -> m.get("cli.severity.error");
            case WARNING -> m.get("cli.severity.warning");
            case INFO -> m.get("cli.severity.info");
        };
    }

    /** "ERROR NAME_GALLERY_INVALID: message" per finding (structure messages name their JSON pointer). */
    static void print(PrintWriter w, Messages m, List<Finding> findings) {
        for (Finding f : findings) {
            w.println(severity(m, f.severity()) + " " + f.code() + ": " + m.get(f.messageKey(), f.argsArray()));
        }
    }

    static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    static ArrayNode json(ObjectMapper mapper, Messages m, List<Finding> findings) {
        ArrayNode out = mapper.createArrayNode();
        for (Finding f : findings) {
            ObjectNode n = out.addObject();
            n.put("code", f.code());
            n.put("severity", f.severity().name());
            n.put("message", m.get(f.messageKey(), f.argsArray()));
            n.put("messageKey", f.messageKey());
            ArrayNode args = n.putArray("args");
            f.args().forEach(a -> args.add(String.valueOf(a)));
            if (f.path() != null) n.put("path", f.path());
            if (f.source() != null) n.put("source", f.source());
        }
        return out;
    }

    /** True for read errors that are the caller's fault (no such file, unreadable file): exit 2, not 1. */
    static boolean isUsage(PoolForgeException e) {
        return e.key().equals("plan.error.notFound") || e.key().equals("plan.error.read");
    }
}
