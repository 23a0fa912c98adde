package io.poolforge.ui.watch;

import io.poolforge.azure.Connection;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnosis;

/**
 * Remedies that need the wizard: the watch and the inspector raise them (after the user confirmed),
 * the app wires them to the wizard, pre-filled from the request. Called on the FX thread.
 */
public interface PoolRemedies {

    /** What the remedy is about: the connection and account, the pool, and the diagnosis (null when none). */
    record Request(Connection connection, BatchAccountInfo account, PoolInfo pool, Diagnosis diagnosis) {
    }

    /**
     * "Restore the image": make the pool's missing image again at the id the pool points to (the plan of the PoolForge run
     * that made the pool, run again), then resize the pool; for a pool PoolForge did not make, the wizard opens instead.
     */
    void restoreImage(Request request);

    /** "Rebuild the image in a gallery": open the wizard to build a new Azure Compute Gallery image from the VM. */
    void rebuildInGallery(Request request);

    /** Recreate the pool from a gallery image (a pool's VM size, node agent SKU and image cannot change). */
    void recreatePoolFromGallery(Request request);

    /** A pool on a managed image (retired as a pool source on 31 March 2026): publish it to a gallery and move the pool. */
    void migrateToGallery(Request request);

    /** Does nothing: for callers that do not offer these remedies. */
    static PoolRemedies none() {
        return new PoolRemedies() {
            @Override public void restoreImage(Request request) { }
            @Override public void rebuildInGallery(Request request) { }
            @Override public void recreatePoolFromGallery(Request request) { }
            @Override public void migrateToGallery(Request request) { }
        };
    }
}
