package io.poolforge.azure;

import java.util.List;

/**
 * Opens a {@link Connection}: to real Azure (browser sign-in) or to the sandbox (an Azure
 * emulated on loopback, no account). Blocking: call from a background task.
 */
public interface AzureConnector {
    /** The sandbox scenarios the user can pick (demo first). */
    List<String> sandboxScenarios();

    /** Starts an in-process sandbox with the scenario and signs in to it without a browser. */
    Connection sandbox(String scenario);

    /**
     * Signs in to a real cloud in the system browser.
     *
     * @param tenantId tenant id or domain, or null for the account's home tenant
     * @param clientId the organisation's app registration, or null for the default public client
     */
    Connection azure(AzureEndpoints endpoints, String tenantId, String clientId);

    /**
     * Signs in to a real cloud with a device code, for machines without a browser: {@code showCode}
     * receives the verification URL and the code to enter there (called on the connecting thread).
     */
    Connection azureWithDeviceCode(AzureEndpoints endpoints, String tenantId, String clientId,
                                   java.util.function.BiConsumer<String, String> showCode);
}
