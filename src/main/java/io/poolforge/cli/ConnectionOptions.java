package io.poolforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.CloudChoice;
import io.poolforge.azure.CloudProfile;
import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.i18n.Messages;
import io.poolforge.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where a command that talks to Azure connects, one mixin for all of them:
 * <ul>
 *   <li>{@code --sandbox [--scenario NAME]}: an in-process sandbox (time scale 0) for the command's life;</li>
 *   <li>{@code --sandbox-url URL --sandbox-cert PEM}, or {@code --sandbox-endpoints FILE|JSON} (the line
 *       {@code poolforge sandbox} prints): a sandbox that is already running;</li>
 *   <li>otherwise real Azure, signed in in the system browser ({@code SdkConnector.azure}), optionally in
 *       {@code --tenant}.</li>
 * </ul>
 */
public final class ConnectionOptions {
    @Option(names = "--sandbox", descriptionKey = "cli.option.sandbox")
    boolean sandbox;

    @Option(names = "--scenario", paramLabel = "NAME", descriptionKey = "cli.option.scenario")
    String scenario;

    @Option(names = "--sandbox-url", paramLabel = "URL", descriptionKey = "cli.option.sandboxAddress")
    String sandboxUrl;

    @Option(names = "--sandbox-cert", paramLabel = "PEM", descriptionKey = "cli.option.sandboxCert")
    Path sandboxCert;

    @Option(names = "--sandbox-endpoints", paramLabel = "FILE|JSON", descriptionKey = "cli.option.sandboxEndpoints")
    String sandboxEndpoints;

    @Option(names = "--tenant", paramLabel = "TENANT", descriptionKey = "cli.option.tenant")
    String tenant;

    /** AzureCloud, AzureUSGovernment or AzureChinaCloud; remembered for the next command (and the desktop). */
    @Option(names = "--cloud", paramLabel = "NAME", descriptionKey = "cli.option.cloud")
    String cloud;

    /** True when any connection option was given (validate takes them only with --online). */
    boolean chosen() {
        return sandbox || scenario != null || sandboxUrl != null || sandboxCert != null || sandboxEndpoints != null || tenant != null
                || cloud != null;
    }

    /** Checks the combination before anything is read or started (a ParameterException: exit 2). */
    void check(CommandSpec spec, Messages m) {
        boolean running = sandboxUrl != null || sandboxCert != null || sandboxEndpoints != null;
        if (sandbox && running) throw usage(spec, m.get("cli.error.sandboxBoth"));
        if (scenario != null && !sandbox) throw usage(spec, m.get("cli.error.scenarioWithoutSandbox"));
        if (scenario != null && !Sandbox.SCENARIOS.contains(scenario)) {
            throw usage(spec, m.get("cli.error.scenario", scenario, String.join(", ", Sandbox.SCENARIOS)));
        }
        if (sandboxEndpoints == null && (sandboxUrl == null) != (sandboxCert == null)) {
            throw usage(spec, m.get("cli.error.sandboxUrlCert"));
        }
        if (sandboxCert != null && !Files.isReadable(sandboxCert)) {
            throw usage(spec, m.get("cli.error.sandboxCertMissing", sandboxCert));
        }
        if (tenant != null && (sandbox || running)) throw usage(spec, m.get("cli.error.tenantWithSandbox"));
        if (cloud != null && CloudProfile.named(cloud).isEmpty()) {
            throw usage(spec, m.get("cli.error.cloud", cloud, String.join(", ", CloudProfile.all().stream().map(CloudProfile::name).toList())));
        }
        // The sandbox's client secret goes to these addresses: loopback only, checked before any request.
        if (sandboxUrl != null && !loopback(sandboxUrl)) throw usage(spec, m.get("cli.error.sandboxNotLoopback", sandboxUrl));
        if (sandboxEndpoints != null) {
            try {
                JsonNode n = endpointsJson();
                for (String k : new String[] {"arm", "authority", "token"}) {
                    String u = n.path(k).asText(null);
                    if (u != null && !loopback(u)) throw usage(spec, m.get("cli.error.sandboxNotLoopback", u));
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof CommandLine.ParameterException p) throw p;
                throw usage(spec, m.get("cli.error.sandboxEndpoints", sandboxEndpoints));
            }
        }
    }

    /** The cloud: --cloud, else the one remembered in the PoolForge folder, else AzureCloud. */
    CloudProfile cloud(Path home) {
        if (cloud != null) return CloudProfile.named(cloud).orElseThrow();
        return new CloudChoice(home.resolve("settings.properties")).remembered().orElse(CloudProfile.AZURE_CLOUD);
    }

    /**
     * True for an https URL whose host is a loopback literal (127.0.0.0/8, ::1) or "localhost"; decided from
     * the text alone, without resolving a name.
     */
    static boolean loopback(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            String host = u.getHost();
            if (host == null || !"https".equalsIgnoreCase(u.getScheme())) return false;
            if (host.equalsIgnoreCase("localhost")) return true;
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                for (String part : h.split("\\.")) if (Integer.parseInt(part) > 255) return false;
                return true;
            }
            return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
        } catch (java.net.URISyntaxException | NumberFormatException e) {
            return false;
        }
    }

    /** What the options point at, for messages: "sandbox (demo)", a URL, or "Azure". */
    String target(Messages m) {
        if (sandbox) return m.get("cli.connection.sandbox", scenario == null ? "demo" : scenario)
                + (cloud == null ? "" : " [" + CloudProfile.named(cloud).map(CloudProfile::name).orElse(cloud) + "]");
        if (sandboxUrl != null) return m.get("cli.connection.running", sandboxUrl);
        if (sandboxEndpoints != null) return m.get("cli.connection.running", endpointsArm().orElse("--sandbox-endpoints"));
        return m.get("cli.connection.azure");
    }

    /**
     * Opens the connection (blocking: starts the sandbox, or signs in in the browser). Closing the
     * connection stops an in-process sandbox.
     */
    Connection open(CommandSpec spec, Messages m, Path home) {
        check(spec, m);
        if (sandbox) {
            String name = scenario == null ? "demo" : scenario;
            // The in-process sandbox presents itself as --cloud (default AzureCloud; the remembered choice is for real Azure).
            CloudProfile presents = cloud == null ? CloudProfile.AZURE_CLOUD : CloudProfile.named(cloud).orElseThrow();
            SdkConnector connector = new SdkConnector(s -> {
                Sandbox box = Sandbox.builder().scenario(s).timeScale(0).cloud(presents.name())
                        .certificateDirectory(home.resolve("sandbox")).start();
                return new SdkConnector.RunningSandbox(box.armUrl(), box.authorityUrl(), box.tokenUrl(), box.tenantId(),
                        box.certificatePath(), box, presents);
            }, Sandbox.SCENARIOS, home);
            return connector.sandbox(name);
        }
        if (sandboxUrl != null || sandboxEndpoints != null) {
            SdkConnector.RunningSandbox running = sandboxEndpoints != null ? fromEndpoints(spec, m) : fromUrl(sandboxUrl, sandboxCert);
            return new SdkConnector(s -> running, List.of("running"), home).sandbox("running");
        }
        CloudProfile chosen = cloud(home);
        if (cloud != null) {
            try {
                new CloudChoice(home.resolve("settings.properties")).remember(chosen);
            } catch (IOException e) {
                // Not remembered; this command still uses it.
            }
        }
        return new SdkConnector(s -> {
            throw new IllegalStateException("no sandbox");
        }, List.of(), home).azure(AzureEndpoints.of(chosen), tenant, null);
    }

    /** A running sandbox at {@code url} (https://127.0.0.1:PORT): ARM at its root, the token endpoint under its tenant. */
    static SdkConnector.RunningSandbox fromUrl(String url, Path cert) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String authority = base + "/" + Sandbox.TENANT_ID;
        return new SdkConnector.RunningSandbox(base + "/", authority, authority + "/oauth2/v2.0/token", Sandbox.TENANT_ID,
                cert.toAbsolutePath(), null);
    }

    private JsonNode endpointsJson() throws IOException {
        String text = sandboxEndpoints.trim();
        if (!text.startsWith("{")) text = Files.readString(Path.of(sandboxEndpoints), StandardCharsets.UTF_8).trim();
        return new ObjectMapper().readTree(text);
    }

    private Optional<String> endpointsArm() {
        try {
            return Optional.ofNullable(endpointsJson().path("arm").asText(null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private SdkConnector.RunningSandbox fromEndpoints(CommandSpec spec, Messages m) {
        try {
            JsonNode n = endpointsJson();
            String arm = n.path("arm").asText(null);
            String authority = n.path("authority").asText(null);
            String token = n.path("token").asText(null);
            String tenantId = n.path("tenantId").asText(Sandbox.TENANT_ID);
            Path cert = sandboxCert != null ? sandboxCert : n.hasNonNull("certificate") ? Path.of(n.get("certificate").asText()) : null;
            if (arm == null || authority == null || token == null || cert == null) {
                throw usage(spec, m.get("cli.error.sandboxEndpoints", sandboxEndpoints));
            }
            if (!Files.isReadable(cert)) throw usage(spec, m.get("cli.error.sandboxCertMissing", cert));
            // The cloud the sandbox presents (its endpoints line says); --cloud overrides it (its tokens are then refused).
            CloudProfile presents = cloud != null ? CloudProfile.named(cloud).orElseThrow()
                    : CloudProfile.named(n.path("cloud").asText("AzureCloud")).orElse(CloudProfile.AZURE_CLOUD);
            return new SdkConnector.RunningSandbox(arm, authority, token, tenantId, cert, null, presents);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CommandLine.ParameterException p) throw p;
            throw usage(spec, m.get("cli.error.sandboxEndpoints", sandboxEndpoints));
        }
    }

    private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
