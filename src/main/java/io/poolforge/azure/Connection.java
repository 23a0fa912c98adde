package io.poolforge.azure;

import java.util.Objects;

/**
 * A signed-in session with Azure (or the sandbox): the identity and the gateways built for it.
 * Closing it releases what the connection started (the in-process sandbox, for one).
 */
public record Connection(Identity identity, ComputeGateway compute, BatchGateway batch, AutoCloseable resources)
        implements AutoCloseable {

    public Connection {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(batch, "batch");
    }

    public AzureEndpoints endpoints() { return identity.endpoints(); }

    @Override
    public void close() throws Exception {
        if (resources != null) resources.close();
    }
}
