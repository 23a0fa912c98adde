package io.poolforge.azure;

/**
 * What a long-running Azure operation reports to its caller, and how the caller stops it.
 * Cancelling stops the polling, not Azure: the adapter then throws a PoolForgeException
 * ({@code azure.error.cancelled}) naming what may remain in Azure.
 */
public interface OperationMonitor {
    /** @param status Azure's status text (InProgress, Succeeded...); percent 0..100, or -1 when unknown */
    void progress(String status, int percent);

    boolean cancelRequested();

    OperationMonitor NONE = new OperationMonitor() {
        @Override public void progress(String status, int percent) { }
        @Override public boolean cancelRequested() { return false; }
    };
}
