package io.poolforge.domain;

/** How PoolForge authenticates to the Batch account's data plane. Custom-image pools need Entra ID. */
public enum AuthMethod {
    ENTRA_ID, SHARED_KEY
}
