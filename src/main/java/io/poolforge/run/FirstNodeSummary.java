package io.poolforge.run;

import io.poolforge.domain.LocalizedText;
import java.time.Duration;

/**
 * PF-19: the one line "what the first node told" (boot time from allocation to idle, the node agent version it
 * reports, or how it failed), for the run summary, the review of the next run and the diagnostic bundle.
 */
public final class FirstNodeSummary {
    private FirstNodeSummary() {
    }

    /** The line for a run's stage; null when the run has none. */
    public static LocalizedText line(FirstNode fn) {
        if (fn == null) return null;
        String node = fn.nodeId() == null ? "-" : fn.nodeId();
        if (fn.provedImage()) {
            Duration boot = fn.bootTime();
            return LocalizedText.of("run.firstNode.summary.proved", node, boot == null ? "-" : (Object) boot.toSeconds(),
                    fn.nodeAgentVersion() == null ? "-" : fn.nodeAgentVersion());
        }
        if (fn.stage() == FirstNode.Stage.FAILED) {
            return LocalizedText.of("run.firstNode.summary.failed", node, stateAndCode(fn.state(), fn.errorCode()), "-");
        }
        if (fn.nodeId() == null) return LocalizedText.of("run.firstNode.summary.asked", kind(fn.dedicated()));
        return LocalizedText.of("run.firstNode.summary.watching", node, fn.state() == null ? "-" : fn.state());
    }

    /**
     * The node's state with its error code: "unusable (NodeStartFailed)"; "unusable, no error code reported" when Azure gave
     * none — the state is never repeated as a code (PF-20: "unusable (unusable)") and no code is made up. A code without a
     * node state (the resize failed before a node was seen) reads as the code alone. Journals written before PF-20 recorded
     * the state as the code when there was none: read the same way.
     */
    public static LocalizedText stateAndCode(String state, String code) {
        boolean noState = state == null || state.isBlank() || "-".equals(state);
        boolean noCode = code == null || code.isBlank() || "-".equals(code) || code.equalsIgnoreCase(state);
        if (noState) return LocalizedText.of("inspect.value.raw", noCode ? "-" : code);
        return noCode ? LocalizedText.of("run.firstNode.stateOnly", state) : LocalizedText.of("run.firstNode.stateCode", state, code);
    }

    /** "dedicated" or "Spot", for the node the stage asks for. */
    public static LocalizedText kind(boolean dedicated) {
        return LocalizedText.of(dedicated ? "run.firstNode.kind.dedicated" : "run.firstNode.kind.spot");
    }
}
