package io.poolforge.azure;

import java.util.List;
import java.util.Optional;

/**
 * Sign-in to Microsoft Entra ID (or to the sandbox) and what the account can reach. Blocking
 * calls: run them in a background task.
 */
public interface Identity {
    /** Signs in (a browser in real Azure, nothing to show in the sandbox). */
    AzureAccount signIn(String tenantId);

    /** Forgets the account and clears the token cache. */
    void signOut();

    Optional<AzureAccount> currentAccount();

    List<TenantRef> tenants();

    List<SubscriptionRef> subscriptions();

    AzureEndpoints endpoints();

    /**
     * True when tokens live in memory only (no OS keyring, DPAPI or Keychain to encrypt a cache): the next start
     * signs in in the browser again. The UI says so.
     */
    default boolean tokensInMemoryOnly() { return false; }
}
