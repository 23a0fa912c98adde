package io.poolforge.azure.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.resources.models.Tenant;
import io.poolforge.azure.AzureAccount;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.Identity;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.azure.TenantRef;
import io.poolforge.domain.PoolForgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with {@link InteractiveBrowserCredential} (system browser, localhost redirect), a token
 * cache persisted only where the OS encrypts it (keyring, DPAPI, Keychain), and the account's
 * tenants and subscriptions. Only the authentication record (user name, tenant, account id —
 * no token) is kept in the PoolForge folder, so the next start signs in silently.
 */
public final class SdkIdentity implements Identity {
    static {
        SdkThreads.install(); // azure-core's shared executor: threads reused, none capped (PF-21)
    }

    private static final Logger LOG = LoggerFactory.getLogger(SdkIdentity.class);
    private static final String CACHE_NAME = "poolforge";

    /** How tokens are kept between runs. */
    public enum CacheMode { ENCRYPTED, MEMORY_ONLY }

    private final AzureEndpoints endpoints;
    private final HttpClient http;
    private final AzureProfile profile;
    private final String clientId;
    private final Path recordFile;
    private volatile TokenCredential credential;
    private volatile AzureAccount account;
    private volatile CacheMode cacheMode = CacheMode.ENCRYPTED;

    /**
     * @param clientId   the organisation's app registration, or null for azure-identity's default public client
     * @param recordFile where the authentication record is kept (no secret in it)
     */
    public SdkIdentity(AzureEndpoints endpoints, HttpClient http, AzureProfile profile, String clientId, Path recordFile) {
        this.endpoints = endpoints;
        this.http = http;
        this.profile = profile;
        this.clientId = clientId;
        this.recordFile = recordFile;
    }

    /** The credential for the SDK clients; null before sign-in. */
    public TokenCredential credential() { return credential; }

    public CacheMode cacheMode() { return cacheMode; }

    @Override
    public boolean tokensInMemoryOnly() { return cacheMode == CacheMode.MEMORY_ONLY; }

    @Override
    public AzureEndpoints endpoints() { return endpoints; }

    @Override
    public AzureAccount signIn(String tenantId) {
        AuthenticationRecord saved = readRecord();
        String tenant = tenantId != null && !tenantId.isBlank() ? tenantId : saved != null ? saved.getTenantId() : "organizations";
        // PF-8: the next start signs in silently from the saved record and the encrypted cache; the browser only
        // opens when that fails (no record, no encrypted store, the refresh token expired or was revoked).
        Optional<AzureAccount> silent = silently(tenant, saved);
        if (silent.isPresent()) return silent.get();
        if (!encryptedStoreLikely()) {
            // No secret service to encrypt the cache: do not let MSAL fail after the browser step
            // (which would open the browser a second time); keep tokens in memory from the start.
            LOG.info("No encrypted token store on this machine; tokens are kept in memory only");
            cacheMode = CacheMode.MEMORY_ONLY;
            try {
                InteractiveBrowserCredential c = build(tenant, saved, false);
                return finish(c, authenticate(c));
            } catch (RuntimeException e) {
                throw AzureErrors.translate(e, "sign-in");
            }
        }
        try {
            InteractiveBrowserCredential c = build(tenant, saved, true);
            AuthenticationRecord record = authenticate(c);
            return finish(c, record);
        } catch (RuntimeException e) {
            if (!isPersistenceProblem(e)) throw AzureErrors.translate(e, "sign-in");
            LOG.warn("No encrypted token store on this machine; tokens are kept in memory only: {}", e.getMessage());
            cacheMode = CacheMode.MEMORY_ONLY;
            try {
                InteractiveBrowserCredential c = build(tenant, saved, false);
                return finish(c, authenticate(c));
            } catch (RuntimeException again) {
                throw AzureErrors.translate(again, "sign-in");
            }
        }
    }

    /**
     * A token from the saved record and the encrypted cache, without a browser or a prompt; empty when that cannot
     * be had (then the caller signs in interactively).
     */
    private Optional<AzureAccount> silently(String tenant, AuthenticationRecord saved) {
        if (saved == null || saved.getTenantId() == null || !saved.getTenantId().equalsIgnoreCase(tenant) || !encryptedStoreLikely()) {
            return Optional.empty();
        }
        try {
            InteractiveBrowserCredential probe = builder(tenant, saved, true).disableAutomaticAuthentication().build();
            var token = probe.getTokenSync(new TokenRequestContext().addScopes(endpoints.profile().armScope()).setCaeEnabled(true));
            if (token == null) return Optional.empty();
            cacheMode = CacheMode.ENCRYPTED;
            LOG.info("Signed in silently from the saved sign-in record");
            // The session's credential may still open the browser later, should the cached sign-in expire.
            return Optional.of(finish(build(tenant, saved, true), saved));
        } catch (RuntimeException e) {
            LOG.info("Silent sign-in not possible ({}); signing in in the browser", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Sign-in for machines without a browser: Entra ID shows a code, the user enters it at the
     * verification page on any device; {@code showCode} receives (verification URL, user code).
     */
    public AzureAccount signInWithDeviceCode(String tenantId, java.util.function.BiConsumer<String, String> showCode) {
        String tenant = tenantId != null && !tenantId.isBlank() ? tenantId : "organizations";
        boolean persist = encryptedStoreLikely();
        cacheMode = persist ? CacheMode.ENCRYPTED : CacheMode.MEMORY_ONLY;
        DeviceCodeCredentialBuilder b = new DeviceCodeCredentialBuilder()
                .authorityHost(endpoints.authority().toString())
                .tenantId(tenant)
                .httpClient(http)
                .challengeConsumer(c -> showCode.accept(c.getVerificationUrl(), c.getUserCode()));
        if (clientId != null && !clientId.isBlank()) b.clientId(clientId);
        if (persist) b.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(CACHE_NAME).setUnencryptedStorageAllowed(false));
        if (endpoints.isSandbox()) b.disableInstanceDiscovery();
        DeviceCodeCredential c = b.build();
        try {
            AuthenticationRecord r = c.authenticate(new TokenRequestContext().addScopes(endpoints.profile().armScope()).setCaeEnabled(true)).block();
            if (r == null) throw new PoolForgeException("azure.error.signInExpired", "sign-in");
            return finish(c, r);
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, "sign-in");
        }
    }

    private InteractiveBrowserCredential build(String tenant, AuthenticationRecord record, boolean persist) {
        return builder(tenant, record, persist).build();
    }

    private InteractiveBrowserCredentialBuilder builder(String tenant, AuthenticationRecord record, boolean persist) {
        InteractiveBrowserCredentialBuilder b = new InteractiveBrowserCredentialBuilder()
                .authorityHost(endpoints.authority().toString())
                .tenantId(tenant)
                .httpClient(http);
        if (clientId != null && !clientId.isBlank()) b.clientId(clientId);
        if (record != null && record.getTenantId() != null && record.getTenantId().equalsIgnoreCase(tenant)) b.authenticationRecord(record);
        if (persist) b.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(CACHE_NAME).setUnencryptedStorageAllowed(false));
        if (endpoints.isSandbox()) b.disableInstanceDiscovery();
        return b;
    }

    private AuthenticationRecord authenticate(InteractiveBrowserCredential c) {
        // CAE-enabled like every request the SDK makes to ARM (and our Batch data-plane policy), so
        // they all find this sign-in in the same MSAL cache instead of opening the browser again.
        AuthenticationRecord r = c.authenticate(new TokenRequestContext().addScopes(endpoints.profile().armScope()).setCaeEnabled(true)).block();
        if (r == null) throw new PoolForgeException("azure.error.signInExpired", "sign-in");
        return r;
    }

    private AzureAccount finish(TokenCredential c, AuthenticationRecord record) {
        credential = c;
        writeRecord(record);
        account = new AzureAccount(record.getUsername(), record.getTenantId(), endpoints.cloud());
        return account;
    }

    /** Uses a credential made elsewhere (the sandbox's, which needs no browser). */
    public AzureAccount useCredential(TokenCredential c, String username, String tenantId) {
        credential = c;
        cacheMode = CacheMode.MEMORY_ONLY;
        account = new AzureAccount(username, tenantId, endpoints.cloud());
        return account;
    }

    @Override
    public void signOut() {
        credential = null;
        account = null;
        clearSavedSignIn(recordFile);
    }

    /**
     * Forgets the saved sign-in: the authentication record in the PoolForge folder and MSAL's persisted cache named
     * "poolforge" in ~/.IdentityService (DPAPI-encrypted file on Windows, the Keychain item's file on macOS, the cache
     * file next to the keyring item on Linux). Without the record the next start never signs in silently.
     * Returns false if something could not be deleted.
     */
    public static boolean clearSavedSignIn(Path recordFile) {
        boolean ok = true;
        try {
            if (recordFile != null) Files.deleteIfExists(recordFile);
        } catch (IOException e) {
            LOG.warn("Could not delete the sign-in record: {}", e.getMessage());
            ok = false;
        }
        Path msal = Path.of(System.getProperty("user.home"), ".IdentityService");
        if (Files.isDirectory(msal)) {
            try (Stream<Path> files = Files.list(msal)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(CACHE_NAME)).toList()) Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("Could not clear the token cache: {}", e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    @Override
    public Optional<AzureAccount> currentAccount() { return Optional.ofNullable(account); }

    @Override
    public List<TenantRef> tenants() {
        ResourceManager.Authenticated arm = arm();
        try {
            List<TenantRef> out = new ArrayList<>();
            for (Tenant t : arm.tenants().list()) {
                var inner = t.innerModel();
                out.add(new TenantRef(t.tenantId(), inner.displayName(), inner.defaultDomain()));
            }
            return out;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, "tenants");
        }
    }

    @Override
    public List<SubscriptionRef> subscriptions() {
        ResourceManager.Authenticated arm = arm();
        try {
            List<SubscriptionRef> out = new ArrayList<>();
            for (Subscription s : arm.subscriptions().list()) {
                out.add(new SubscriptionRef(s.subscriptionId(), s.displayName(), s.innerModel().tenantId(),
                        s.state() == null ? null : s.state().toString()));
            }
            return out;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, "subscriptions");
        }
    }

    private ResourceManager.Authenticated arm() {
        TokenCredential c = credential;
        if (c == null) throw new PoolForgeException("azure.error.signInExpired", "subscriptions");
        return ResourceManager.configure().withHttpClient(http).authenticate(c, profile);
    }

    private AuthenticationRecord readRecord() {
        if (recordFile == null || !Files.isRegularFile(recordFile)) return null;
        try (InputStream in = Files.newInputStream(recordFile)) {
            return AuthenticationRecord.deserialize(in);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable sign-in record: {}", e.getMessage());
            return null;
        }
    }

    private void writeRecord(AuthenticationRecord record) {
        if (recordFile == null) return;
        try {
            Files.createDirectories(recordFile.getParent());
            Path tmp = Files.createTempFile(recordFile.getParent(), "auth", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                record.serialize(out);
            }
            Files.move(tmp, recordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not keep the sign-in record: {}", e.getMessage());
        }
    }

    /**
     * Whether the OS offers an encrypted store MSAL can use: DPAPI on Windows, the Keychain on
     * macOS, the Secret Service (libsecret over the D-Bus session bus) on Linux.
     */
    static boolean encryptedStoreLikely() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        return bus != null && !bus.isBlank();
    }

    private static boolean isPersistenceProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            String type = t.getClass().getName().toLowerCase(Locale.ROOT);
            if (m.contains("persistence") || m.contains("keyring") || m.contains("libsecret") || m.contains("keychain")
                    || type.contains("persistence") || t instanceof UnsatisfiedLinkError || t instanceof NoClassDefFoundError) {
                return true;
            }
        }
        return false;
    }
}
