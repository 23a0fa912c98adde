package io.poolforge.ui.wizard.create;

/** PF-19: message keys of the create step's first-node lines used from the background task. */
final class FirstNodeSummaryKeys {
    static final String WATCHING = "wizard.create.firstNode.task";

    private FirstNodeSummaryKeys() {
    }
}
