package io.poolforge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.DisksApi;
import io.poolforge.sandbox.arm.compute.ImagesApi;
import io.poolforge.sandbox.arm.compute.VirtualMachinesApi;
import io.poolforge.sandbox.arm.deployments.DeploymentsApi;
import io.poolforge.sandbox.arm.gallery.GalleryApi;
import io.poolforge.sandbox.arm.resources.CloudMetadataApi;
import io.poolforge.sandbox.arm.resources.ResourceManagerApi;
import io.poolforge.sandbox.batch.dataplane.BatchDataPlaneApi;
import io.poolforge.sandbox.batch.management.BatchAccountsApi;
import io.poolforge.sandbox.batch.management.BatchPools;
import io.poolforge.sandbox.batch.management.ComputeUsagesApi;
import io.poolforge.sandbox.http.CertificateMaker;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.http.Transport;
import io.poolforge.sandbox.identity.IdentityApi;
import io.poolforge.sandbox.identity.Tokens;
import io.poolforge.sandbox.scenarios.Estate;
import io.poolforge.sandbox.scenarios.Scenarios;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.LroStyle;
import io.poolforge.sandbox.state.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The embedded Azure: ARM (Compute, galleries, Batch management), the Batch data plane and Entra ID
 * sign-in, over HTTPS on 127.0.0.1 with a certificate made at start. The real Azure SDK clients talk to it
 * unchanged. Each instance owns its state, so tests can run several at once.
 *
 * <pre>{@code
 * try (Sandbox sb = Sandbox.builder().scenario("demo").timeScale(0).start()) {
 *     sb.armUrl();            // https://127.0.0.1:PORT/
 *     sb.tokenUrl();          // https://127.0.0.1:PORT/{tenant}/oauth2/v2.0/token (client secret "sandbox")
 *     sb.certificatePath();   // PEM to trust
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    /** The client secret the token endpoint accepts with any client id (grant_type=client_credentials). */
    public static final String CLIENT_SECRET = IdentityApi.CLIENT_SECRET;
    /** The sandbox's Entra tenant. */
    public static final String TENANT_ID = "5a4db0c0-0000-4000-8000-000000000001";
    /** Scenario names. */
    public static final List<String> SCENARIOS = Scenarios.NAMES;

    private final Transport transport;
    private final Platform platform;
    private final Faults faults;
    private final CertificateMaker.Made cert;
    private final Path certPath;
    private final String scenario;
    private final String base;
    private final BatchPools pools;
    private final BatchDataPlaneApi dataPlane;
    private Tokens tokens;
    private final Object lock;
    private final Tokens.Cloud cloud;

    private Sandbox(Builder b) {
        if (!Scenarios.NAMES.contains(b.scenario)) {
            throw new IllegalArgumentException("Unknown scenario '" + b.scenario + "'; known: " + Scenarios.NAMES);
        }
        this.scenario = b.scenario;
        this.faults = new Faults();
        b.faults.forEach(faults::add);
        // The certificate (key generation, signing, TLS context) is made on another thread while the estate is built.
        java.util.concurrent.CompletableFuture<CertificateMaker.Made> certificate = new java.util.concurrent.CompletableFuture<>();
        Thread maker = new Thread(() -> {
            try {
                certificate.complete(CertificateMaker.make(java.time.Instant.now()));
            } catch (RuntimeException | Error e) {
                certificate.completeExceptionally(e);
            }
        }, "poolforge-sandbox-certificate");
        maker.setDaemon(true);
        maker.start();
        Json.warmUp();
        this.platform = new Platform(b.clock, b.timeScale, b.lroStyle, TENANT_ID);
        if (b.vmPageSize > 0) platform.vmPageSize = b.vmPageSize;
        Router router = new Router();
        Object lock = new Object();
        VirtualMachinesApi vms = new VirtualMachinesApi(platform);
        this.pools = new BatchPools(platform);
        Dispatcher dispatcher = new Dispatcher(router, null, faults, b.clock, b.timeScale, lock,
                () -> platform.lro.settle(), b.log);
        this.transport = new Transport(b.port, dispatcher);
        this.base = "https://127.0.0.1:" + transport.port();
        platform.base = base;
        dispatcher.base(base);
        this.cloud = Tokens.Cloud.named(b.cloud);
        Tokens realTokens = new Tokens(b.clock, TENANT_ID, base, cloud);
        this.tokens = realTokens;
        dispatcher.tokens(realTokens);
        new IdentityApi(realTokens, b.clock, TENANT_ID, b.tokenLifetime).register(router);
        new CloudMetadataApi(platform).register(router);
        new io.poolforge.sandbox.arm.authorization.AuthorizationApi(platform).register(router);
        new ResourceManagerApi(platform, pools::stateCounts).register(router);
        vms.register(router);
        new DisksApi(platform).register(router);
        new io.poolforge.sandbox.arm.marketplace.VmImagesApi(platform).register(router);
        new ImagesApi(platform).register(router);
        new GalleryApi(platform).register(router);
        new BatchAccountsApi(platform).register(router);
        pools.register(router);
        this.dataPlane = new BatchDataPlaneApi(platform, pools);
        dataPlane.register(router);
        new ComputeUsagesApi(platform, pools).register(router);
        new DeploymentsApi(platform, router).register(router);
        platform.lro.register(router);
        this.lock = lock;
        try {
            synchronized (lock) {
                Scenarios.load(b.scenario, new Estate(platform, vms, pools));
            }
            this.cert = certificate.join();
            transport.start(cert.serverContext());
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        try {
            Path dir = b.certDir != null ? b.certDir : defaultCertificateDirectory();
            Files.createDirectories(dir);
            this.certPath = dir.resolve("sandbox-" + transport.port() + ".pem");
            writeNoFollow(certPath, cert.pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            transport.close();
            throw new UncheckedIOException("Cannot write the sandbox certificate", e);
        }
    }

    /**
     * The default certificate folder: per user ({@code $TMPDIR/poolforge-sandbox-USER}), created 0700 where the
     * file system has POSIX permissions, and refused when it is a link or another user's.
     */
    static Path defaultCertificateDirectory() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poolforge-sandbox-" + user);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (posix) {
                Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a plain folder (a link?)");
        }
        if (posix) {
            var owner = Files.getOwner(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            var me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(me)) throw new IOException(dir + " belongs to " + owner.getName() + ", not to " + me.getName());
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    /** Writes a new file beside the target (never following a link), then moves it over the target atomically. */
    static void writeNoFollow(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        try {
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return transport.port();
    }

    /** The Azure Resource Manager endpoint, with a trailing slash: {@code https://127.0.0.1:PORT/}. */
    public String armUrl() {
        return base + "/";
    }

    /** The authority host for MSAL/azure-identity ({@code authorityHost}); the tenant goes after it. */
    public String authorityHost() {
        return base + "/";
    }

    /** {@code https://127.0.0.1:PORT/{tenant}}. */
    public String authorityUrl() {
        return base + "/" + TENANT_ID;
    }

    public String tokenUrl() {
        return authorityUrl() + "/oauth2/v2.0/token";
    }

    public String tenantId() {
        return TENANT_ID;
    }

    public String scenario() {
        return scenario;
    }

    /** Subscription ids of the scenario. */
    public List<String> subscriptionIds() {
        List<String> out = new ArrayList<>();
        for (ObjectNode s : platform.store.subscriptions()) out.add(s.path("subscriptionId").asText());
        return out;
    }

    /** Batch account name → data-plane URL ({@code https://127.0.0.1:PORT/batch/{account}}). */
    public Map<String, String> batchAccountUrls() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String sub : subscriptionIds()) {
            for (ObjectNode a : platform.store.list(Ids.sub(sub), BatchAccountsApi.TYPE)) {
                out.put(a.path("name").asText(), "https://" + Json.str(a, "properties/accountEndpoint"));
            }
        }
        return out;
    }

    public X509Certificate certificate() {
        return cert.certificate();
    }

    public String certificatePem() {
        return cert.pem();
    }

    /** Where the certificate's PEM was written (trust it: curl --cacert, REQUESTS_CA_BUNDLE, SdkClients). */
    public Path certificatePath() {
        return certPath;
    }

    /** Faults switched on in this sandbox; add or clear them at any time. */
    public Faults faults() {
        return faults;
    }

    /**
     * The Batch service log uploads the sandbox accepted ({@code uploadbatchservicelogs}), oldest first, each
     * {@code pool|node|container URL without its query (no SAS)|startTime}.
     */
    public List<String> logUploads() {
        return dataPlane.uploads();
    }

    /** The access tokens this sandbox issued (the last 1,000): for tests that check an export holds none. */
    public List<String> issuedTokens() {
        return tokens == null ? List.of() : List.copyOf(tokens.issued);
    }

    /** The cloud the sandbox presents itself as (AzureCloud, AzureUSGovernment, AzureChinaCloud): its token audiences. */
    public String cloud() {
        return cloud.name();
    }

    /** Resource counts by type (as {@code GET /sandbox/state} reports them). */
    public Map<String, Integer> counts() {
        synchronized (lock) {
            Map<String, Integer> c = new LinkedHashMap<>(platform.store.counts());
            pools.stateCounts().forEach((k, v) -> c.put(k, ((Number) v).intValue()));
            return c;
        }
    }

    /** The one JSON line the {@code sandbox} command prints. */
    public String endpointsJson() {
        ObjectNode n = Json.o("arm", armUrl(), "authority", authorityUrl(), "authorityHost", authorityHost(), "token", tokenUrl(),
                "tenantId", TENANT_ID, "clientSecret", CLIENT_SECRET, "subscriptions", subscriptionIds(),
                "batchAccounts", batchAccountUrls(), "certificate", certPath.toAbsolutePath().toString(), "scenario", scenario,
                "timeScale", platform.timeScale, "cloud", cloud.name());
        return Json.text(n);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Options of a sandbox. */
    public static final class Builder {
        private int port;
        private String scenario = "demo";
        private double timeScale = 1;
        private Clock clock = Clock.systemUTC();
        private LroStyle lroStyle = LroStyle.AUTO;
        private Path certDir;
        private final List<FaultSpec> faults = new ArrayList<>();
        private Consumer<String> log;
        private Duration tokenLifetime = Duration.ofHours(1);
        private int vmPageSize;
        private String cloud = "AzureCloud";

        private Builder() {
        }

        /** 0 (default): a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** demo (default), legacy-2019, empty, large. */
        public Builder scenario(String name) {
            this.scenario = name;
            return this;
        }

        /** 0 = instant (tests), 1 = demo pace (a 10-node pool steady in about 30 s). */
        public Builder timeScale(double scale) {
            if (scale < 0) throw new IllegalArgumentException("time scale must be >= 0");
            this.timeScale = scale;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Forces how long-running operations answer (contract tests exercise each). */
        public Builder lroStyle(LroStyle style) {
            this.lroStyle = style;
            return this;
        }

        /** Where the certificate's PEM is written (default: the temp folder's poolforge-sandbox). */
        public Builder certificateDirectory(Path dir) {
            this.certDir = dir;
            return this;
        }

        public Builder fault(FaultSpec spec) {
            faults.add(spec);
            return this;
        }

        public Builder fault(String spec) {
            return fault(FaultSpec.parse(spec));
        }

        /** Receives one line per request (method, path, kept query, status, time); tokens never appear. */
        public Builder requestLog(Consumer<String> log) {
            this.log = log;
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** VMs per list page (default: the scenario's). */
        public Builder vmPageSize(int size) {
            this.vmPageSize = size;
            return this;
        }

        /** Presents the sandbox as this cloud: AzureCloud (default), AzureUSGovernment or AzureChinaCloud. */
        public Builder cloud(String name) {
            Tokens.Cloud.named(name);
            this.cloud = name;
            return this;
        }

        public Sandbox start() {
            return new Sandbox(this);
        }
    }
}
